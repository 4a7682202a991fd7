package dev.camelovershoot.testinfra.server;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which route answers a request: the first whose path pattern matches and whose method is the request's, with the
 * pattern's groups as path parameters; failing that, the methods the path does allow (a 405), or none (a 404).
 *
 * @param route   the matching route, or {@code null}
 * @param params  its path parameters, in order
 * @param allowed the methods of routes whose path matched when none had the request's method
 */
public record RouteLookup<R>(R route, List<String> params, List<String> allowed) {

    public static <R> RouteLookup<R> find(List<R> routes, Function<R, String> methodOf, Function<R, Pattern> pathOf,
                                          String method, String path) {
        List<String> allowed = new ArrayList<>();
        for (R route : routes) {
            Matcher matcher = pathOf.apply(route).matcher(path);
            if (!matcher.matches()) {
                continue;
            }
            if (!methodOf.apply(route).equals(method)) {
                allowed.add(methodOf.apply(route));
                continue;
            }
            List<String> params = new ArrayList<>();
            for (int i = 1; i <= matcher.groupCount(); i++) {
                params.add(matcher.group(i));
            }
            return new RouteLookup<>(route, List.copyOf(params), List.of());
        }
        return new RouteLookup<>(null, List.of(), List.copyOf(allowed));
    }

    public boolean found() {
        return route != null;
    }
}
