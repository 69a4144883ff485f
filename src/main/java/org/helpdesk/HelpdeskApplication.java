package org.helpdesk;

import java.util.Arrays;

import org.helpdesk.dbcopy.CopyToPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
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
        SpringApplication.run(HelpdeskApplication.class, args);
    }
}
