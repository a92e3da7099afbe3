package com.certportal.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.hibernate.TransactionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Issue 10: failures that mean "the database cannot be used just now" (it is gone, cut off, out of
 * connections, restarting, or did not answer in time), whatever wrapped them on the way up: Spring's
 * data access and transaction exceptions, Hibernate's, a session store's. Trying again in a moment is
 * the right answer to each; a bug or a broken rule is none of them.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    public static boolean isUnavailability(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || (cause instanceof SQLException sql && unavailableState(sql.getSQLState()))
                    || lostInTransaction(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A transaction that could not be ended on its connection because the connection is gone (the pool
     * closed it when it broke: "Connection is closed", without an SQLSTATE). Spring then reports the
     * failed rollback, not the broken statement that caused it.
     */
    private static boolean lostInTransaction(Throwable cause) {
        return cause instanceof TransactionException
                && cause.getCause() instanceof SQLException sql
                && (sql.getSQLState() == null || unavailableState(sql.getSQLState()));
    }

    /**
     * SQLSTATE class 08 (connection exception); 57P01-57P03 (the server shuts down or is starting);
     * 57014 (a statement cancelled, by the statement timeout among others).
     */
    private static boolean unavailableState(String state) {
        return state != null
                && (state.startsWith("08")
                        || state.equals("57P01")
                        || state.equals("57P02")
                        || state.equals("57P03")
                        || state.equals("57014"));
    }

    /** The failure in a line, for a log: the outermost and the innermost cause, no stack trace. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && depth < 32; depth++) {
            root = root.getCause();
        }
        String outer = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure
                ? outer
                : outer + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
