package com.certportal.support;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the database held at the moment the web server started accepting requests: the demo's
 * members must exist by then (issue 9, finding 9), or the sign-in page lists sign-ins that fail.
 */
@TestComponent
public class ServerStartWitness {

    private final JdbcClient jdbc;
    private volatile Long membersWhenServing;

    ServerStartWitness(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void serving(WebServerInitializedEvent event) {
        membersWhenServing = jdbc.sql("select count(*) from member where email in"
                        + " ('admin@example.com', 'user@example.com', 'finance@example.com', 'admin@other.example')")
                .query(Long.class)
                .single();
    }

    /** How many demo members existed when the port opened (null if it never did). */
    public Long demoMembersWhenServing() {
        return membersWhenServing;
    }
}
