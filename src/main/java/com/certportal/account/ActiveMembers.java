package com.certportal.account;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * M1: a signed-in member as the database has it now, read on every request, so that a deactivation
 * ends the member's sessions at their next request and a role change applies at once, on every
 * instance (the check needs nothing in memory; sessions may move to a shared store later). One small
 * select by primary key, kept out of JPA: it is plumbing around every page, not a page's own reading.
 */
@Service
public class ActiveMembers {

    private final JdbcClient jdbc;

    ActiveMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The member, refreshed; empty if it is deactivated or gone. */
    public Optional<CurrentMember> current(long memberId) {
        return jdbc.sql("select account_id, email, display_name, role, time_zone, language from member"
                        + " where id = :id and status = 'ACTIVE'")
                .param("id", memberId)
                .query((row, n) -> new CurrentMember(
                        memberId,
                        row.getLong("account_id"),
                        row.getString("email"),
                        row.getString("display_name"),
                        Role.valueOf(row.getString("role")),
                        row.getString("time_zone"),
                        row.getString("language")))
                .optional();
    }
}
