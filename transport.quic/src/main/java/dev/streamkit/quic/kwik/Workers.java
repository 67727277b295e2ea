package dev.streamkit.quic.kwik;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker pool that runs HTTP/3 stream processing, acceptors and stream handlers: a thread per running call
 * (a handler may block reading its stream), idle threads leave after a minute. Per connection the QUIC stream
 * limits bound how many calls run; {@code maxThreads} bounds the whole pool, past which new streams are dropped
 * (logged) rather than queued.
 */
final class Workers {

    private static final Logger LOG = LoggerFactory.getLogger(Workers.class);

    private Workers() {
    }

    static ExecutorService create(String name, int maxThreads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, maxThreads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                (runnable, executor) -> LOG.warn("{}: all {} worker threads busy; dropping a stream", name, maxThreads));
        return pool;
    }
}
