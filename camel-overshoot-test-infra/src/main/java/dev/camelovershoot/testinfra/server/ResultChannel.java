package dev.camelovershoot.testinfra.server;

/** One authenticated results socket, as the stream sees it. */
interface ResultChannel {

    /** Sends one result message; a failed send is the client's loss, as on the real service. */
    void send(String json);

    /** Closes with a close frame. */
    void close(int code, String reason);

    /** Aborts the connection without a close frame (the client sees 1006). */
    void drop();
}
