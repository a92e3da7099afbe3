package com.certportal.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Issue 10: how long the portal waits on PostgreSQL before it gives up (applied to the PostgreSQL
 * driver only; the pool's own waits are {@code spring.datasource.hikari.*}). Settings written in the
 * JDBC URL win. Zero switches a limit off.
 *
 * @param connectTimeout opening a connection: the TCP connection and signing in
 * @param socketTimeout how long a connection may stay silent while the portal waits for an answer: a
 *     connection the network lost (a black hole) gives up after this. Longer than {@code
 *     statementTimeout}, so that it never cuts a statement PostgreSQL is still working on
 * @param statementTimeout the longest statement PostgreSQL runs for the portal before cancelling it; the
 *     portal's statements take milliseconds, and a page that waits longer is better answered "try again"
 */
@ConfigurationProperties("certportal.database")
public record DatabaseProperties(
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("4s") Duration socketTimeout,
        @DefaultValue("3s") Duration statementTimeout) {}
