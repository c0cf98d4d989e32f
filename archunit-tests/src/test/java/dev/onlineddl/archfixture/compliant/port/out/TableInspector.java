package dev.onlineddl.archfixture.compliant.port.out;

import dev.onlineddl.archfixture.compliant.domain.Table;
import java.util.Optional;

/** Compliant fixture: an outgoing port uses the domain and the JDK. */
public interface TableInspector {
    Optional<String> showCreateTable(Table table);
}
