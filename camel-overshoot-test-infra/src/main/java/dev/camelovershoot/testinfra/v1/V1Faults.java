package dev.camelovershoot.testinfra.v1;

import dev.camelovershoot.testinfra.server.QueuedFaults;

/** The faults tests queued for v1 calls, one queue per kind of call. */
record V1Faults(QueuedFaults chats, QueuedFaults keepalives, QueuedFaults creates) {

    V1Faults() {
        this(new QueuedFaults(), new QueuedFaults(), new QueuedFaults());
    }
}
