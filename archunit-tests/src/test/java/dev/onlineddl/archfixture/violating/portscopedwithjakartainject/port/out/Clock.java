package dev.onlineddl.archfixture.violating.portscopedwithjakartainject.port.out;

import jakarta.inject.Singleton;
import java.time.Instant;

/** Violating fixture: an outgoing port carrying a jakarta.inject scope annotation. */
@Singleton
public interface Clock {
    Instant now();
}
