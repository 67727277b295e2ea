package dev.streamkit.moq.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The gateway's exact-path routing table. A connection for a path nobody registered yet may wait for it
 * ({@link #await}): the wait is a future completed by the registration (notify, no polling, no thread held)
 * or by a task of the injected {@link Timeouts}. Waiters are bounded; past the bound a wait fails at once.
 *
 * <p>Thread-safe; futures complete outside the table's lock.
 */
final class RouteTable {

    private final Timeouts timeouts;
    private final int maxWaiters;
    private final Map<String, Route> routes = new HashMap<>();
    private final Map<String, List<CompletableFuture<Route>>> waiting = new HashMap<>();
    private int waiters;

    RouteTable(Timeouts timeouts, int maxWaiters) {
        this.timeouts = timeouts;
        this.maxWaiters = maxWaiters;
    }

    /**
     * Registers every route of {@code wanted} (path → route) or none of them; connections waiting for those
     * paths are handed their route.
     *
     * @throws DuplicateRouteException naming the first path already registered
     */
    void registerAll(Map<String, Route> wanted) throws DuplicateRouteException {
        List<Map.Entry<CompletableFuture<Route>, Route>> woken = new ArrayList<>();
        synchronized (this) {
            for (String path : wanted.keySet()) {
                if (routes.containsKey(path)) throw new DuplicateRouteException(path);
            }
            routes.putAll(wanted);
            for (Map.Entry<String, Route> entry : wanted.entrySet()) {
                List<CompletableFuture<Route>> parked = waiting.remove(entry.getKey());
                if (parked == null) continue;
                waiters -= parked.size();
                for (CompletableFuture<Route> future : parked) woken.add(Map.entry(future, entry.getValue()));
            }
        }
        for (Map.Entry<CompletableFuture<Route>, Route> wake : woken) wake.getKey().complete(wake.getValue());
    }

    /** Removes the routes of {@code paths} that still lead to {@code endpoint}. */
    synchronized void unregisterAll(Iterable<String> paths, PeerEndpoint endpoint) {
        for (String path : paths) {
            Route route = routes.get(path);
            if (route != null && route.endpoint() == endpoint) routes.remove(path);
        }
    }

    /** The route of {@code path} now, or {@code null}. */
    synchronized Route lookup(String path) {
        return routes.get(path);
    }

    /**
     * The route of {@code path}, now or once registered within {@code timeout}; completes with {@code null}
     * when the time is up or too many connections wait already.
     */
    CompletableFuture<Route> await(String path, Duration timeout) {
        CompletableFuture<Route> future = new CompletableFuture<>();
        synchronized (this) {
            Route route = routes.get(path);
            if (route != null) return CompletableFuture.completedFuture(route);
            if (waiters >= maxWaiters) return CompletableFuture.completedFuture(null);
            waiting.computeIfAbsent(path, p -> new ArrayList<>()).add(future);
            waiters++;
        }
        timeouts.after(timeout, () -> expire(path, future));
        return future;
    }

    /** How many connections wait for a route. */
    synchronized int waiting() {
        return waiters;
    }

    private void expire(String path, CompletableFuture<Route> future) {
        synchronized (this) {
            List<CompletableFuture<Route>> parked = waiting.get(path);
            if (parked == null || !parked.remove(future)) return; // a registration came first
            waiters--;
            if (parked.isEmpty()) waiting.remove(path);
        }
        future.complete(null);
    }
}
