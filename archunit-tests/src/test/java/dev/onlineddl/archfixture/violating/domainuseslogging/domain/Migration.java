package dev.onlineddl.archfixture.violating.domainuseslogging.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Violating fixture: a domain class that logs through slf4j instead of staying JDK-only. */
public final class Migration {
    private static final Logger LOG = LoggerFactory.getLogger(Migration.class);

    public void markReady() {
        LOG.info("ready");
    }
}
