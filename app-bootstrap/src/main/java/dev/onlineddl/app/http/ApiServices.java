package dev.onlineddl.app.http;

import dev.onlineddl.port.in.ControlMigration;
import dev.onlineddl.port.in.QueryMigrations;
import dev.onlineddl.port.in.ReceiveStatusReport;
import dev.onlineddl.port.in.SubmitMigration;
import dev.onlineddl.port.in.ThrottleMigrations;
import java.util.Objects;

/** The use cases the HTTP API drives. */
public record ApiServices(
        SubmitMigration submit,
        ControlMigration control,
        ThrottleMigrations throttling,
        QueryMigrations query,
        ReceiveStatusReport statusReports,
        ThrottleCheck throttleCheck) {

    public ApiServices {
        Objects.requireNonNull(submit, "submit");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(throttling, "throttling");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(statusReports, "statusReports");
        Objects.requireNonNull(throttleCheck, "throttleCheck");
    }
}
