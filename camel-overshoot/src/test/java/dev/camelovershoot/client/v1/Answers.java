package dev.camelovershoot.client.v1;

import dev.camelovershoot.client.OvershootException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records a watch's answers, errors and end, and the threads they came on. */
final class Answers implements WatchListener {

    final List<WatchAnswer> answers = new CopyOnWriteArrayList<>();
    final List<OvershootException> errors = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final CompletableFuture<OvershootException> stopped = new CompletableFuture<>();

    @Override
    public void onAnswer(WatchAnswer answer) {
        threads.add(Thread.currentThread().getName());
        answers.add(answer);
    }

    @Override
    public void onError(OvershootException error) {
        errors.add(error);
    }

    @Override
    public void onStopped(OvershootException cause) {
        stopped.complete(cause);
    }

    WatchAnswer last() {
        return answers.get(answers.size() - 1);
    }
}
