package dev.camelovershoot.testinfra.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The credit balance of every API key, in cents. */
final class Credits {

    private final Map<String, Double> balances = new HashMap<>();

    Credits(List<String> apiKeys, double startingCents) {
        apiKeys.forEach(key -> balances.put(key, startingCents));
    }

    synchronized double balance(String apiKey) {
        return balances.getOrDefault(apiKey, 0.0);
    }

    /** Charges {@code cents} if the balance covers it; otherwise charges nothing and answers {@code false}. */
    synchronized boolean tryCharge(String apiKey, double cents) {
        double balance = balance(apiKey);
        if (balance < cents) {
            return false;
        }
        balances.put(apiKey, balance - cents);
        return true;
    }

    /** Charges {@code cents}, or the whole balance when it is lower (the final bill of a closed stream). */
    synchronized void chargeUpTo(String apiKey, double cents) {
        balances.put(apiKey, Math.max(0, balance(apiKey) - cents));
    }
}
