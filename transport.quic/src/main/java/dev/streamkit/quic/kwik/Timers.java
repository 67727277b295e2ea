package dev.streamkit.quic.kwik;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The one daemon timer thread of this implementation (stream-open alarms, delayed connection closes). */
final class Timers {

    static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "skit-wt-timer");
        thread.setDaemon(true);
        return thread;
    });

    private Timers() {
    }
}
