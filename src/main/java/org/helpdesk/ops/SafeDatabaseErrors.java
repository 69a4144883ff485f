package org.helpdesk.ops;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL's error details quote the refused row ({@code Key (email)=(ann@example.com) already exists}), and
 * pgjdbc copies them into exception messages, which reach logs with stack traces. {@code logServerErrorDetail=false}
 * keeps them out. Set on the pool here, not in the URL, so it holds for any HELPDESK_DB_URL an operator gives
 * (H2 refuses unknown connection settings, so only PostgreSQL URLs get it).
 */
@Component
class SafeDatabaseErrors implements BeanPostProcessor {
    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            pool.addDataSourceProperty("logServerErrorDetail", "false");
        }
        return bean;
    }
}
