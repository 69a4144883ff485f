package org.helpdesk;

import java.util.Arrays;

import org.helpdesk.dbcopy.CopyToPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HelpdeskApplication {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("copy-to-postgres")) {
            // a one-shot command of the same jar (bin/helpdesk copy-to-postgres): no server is started
            CopyToPostgres.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication app = new SpringApplication(HelpdeskApplication.class);
        if (Boolean.getBoolean("helpdesk.startup-steps")) {
            // start-up diagnosis (docs/operations.md, "Fast start"): every step Spring takes, with its duration,
            // at /actuator/startup when that endpoint is exposed; off by default, it keeps 20,000 records
            app.setApplicationStartup(new BufferingApplicationStartup(20_000));
        }
        app.run(args);
    }
}
