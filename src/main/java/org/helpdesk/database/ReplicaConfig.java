package org.helpdesk.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.helpdesk.common.FilterOrder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * Only with {@code helpdesk.db.replica.url} set: the app's DataSource becomes {@link ReplicaRouting}'s (the
 * primary pool configured as usual by {@code spring.datasource.*}, plus a pool to the standby). Without it,
 * Spring Boot's own single DataSource is used and nothing here exists.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplicaProperties.class)
@ConditionalOnExpression("!'${helpdesk.db.replica.url:}'.isBlank()")
class ReplicaConfig {

    @Bean(destroyMethod = "close")
    ReplicaRouting replicaRouting(DataSourceProperties properties, ReplicaProperties replica, Environment environment,
                                  MeterRegistry meters) {
        String url = properties.determineUrl();
        if (url == null || !url.startsWith("jdbc:postgresql:") || !replica.url().startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("HELPDESK_DB_REPLICA_URL needs PostgreSQL for both the database and the "
                    + "replica (jdbc:postgresql://...); unset it to run on one database");
        }
        HikariDataSource primary = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(primary));
        primary.setPoolName("primary");

        HikariDataSource standby = new HikariDataSource();
        standby.setPoolName("replica");
        standby.setJdbcUrl(replica.url());
        standby.setUsername(properties.determineUsername());
        standby.setPassword(properties.determinePassword());
        standby.setMaximumPoolSize(replica.poolSize());
        standby.setReadOnly(true);
        // a standby that is down must neither stop the start nor hold a request long: the primary serves instead
        standby.setInitializationFailTimeout(-1);
        standby.setConnectionTimeout(1000);
        standby.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters)); // hikaricp_*{pool="replica"}
        standby.setValidationTimeout(500);
        return new ReplicaRouting(primary, standby, replica, meters);
    }

    @Bean
    @Primary
    DataSource dataSource(ReplicaRouting routing) {
        return routing.dataSource();
    }

    @Bean
    FilterRegistrationBean<ReadYourWritesFilter> readYourWritesFilter(ReplicaRouting routing,
                                                                      SecurityFilterProperties security) {
        var registration = new FilterRegistrationBean<>(new ReadYourWritesFilter(routing));
        registration.setOrder(FilterOrder.insideSecurity(security.getOrder()));
        return registration;
    }
}
