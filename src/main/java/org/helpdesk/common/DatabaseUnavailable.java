package org.helpdesk.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells failures of reaching the database (restarting, down, pool exhausted) from other errors: those are
 * answered 503 with Retry-After, so clients retry instead of treating the request as broken. A failed commit or
 * rollback (TransactionSystemException) is counted too: the connection died under the transaction.
 */
public final class DatabaseUnavailable {
    private DatabaseUnavailable() {
    }

    public static boolean matches(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof TransactionSystemException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // SQLSTATE class 08: connection exception; 57P0x: the server is shutting down or restarting;
            // 25006: a write reached a node that is a standby now (a failover demoted it; the pool evicts it)
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                    || sql.getSQLState().equals("25006"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    public static final String MESSAGE = "The database is unavailable; retry shortly";
}
