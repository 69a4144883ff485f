package org.helpdesk.database;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Hikari evicts a connection on connection errors only. After a switchover the old primary is alive but a
 * standby, and a pooled connection to it fails every write with SQLSTATE 25006 (read-only transaction) until it
 * retires; evicting it makes the next connection follow the multi-host URL to the new primary.
 * Configured as {@code spring.datasource.hikari.exception-override-class-name}.
 */
public class DemotedPrimaryEviction implements SQLExceptionOverride {
    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return "25006".equals(e.getSQLState()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
