package dev.onlineddl.testkit;

import java.sql.SQLException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests a real server and a fresh database per test class:
 *
 * <pre>{@code
 * @ExtendWith(TestDatabaseExtension.class)
 * class SomethingTest {
 *     @Test
 *     void works(TestDatabase db) throws Exception {
 *         try (Connection c = db.openConnection()) { ... }
 *     }
 * }
 * }</pre>
 *
 * Parameters of type {@link TestDatabase} and {@link TestServer} are resolved in constructors,
 * lifecycle methods and tests. The server is {@linkplain TestServer#shared() shared by the JVM};
 * the database {@code t_<class>_<n>} and any {@linkplain TestDatabase#createSiblingDatabase
 * siblings} are created before the class's first use and dropped after the class. A
 * {@code @Nested} class shares the database of the class that encloses it.
 */
public final class TestDatabaseExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(TestDatabaseExtension.class);
    private static final String DATABASES = "class-databases";

    @Override
    public void beforeAll(ExtensionContext context) {
        databasesOf(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        // remove() sees only this class's store: a @Nested class leaves its enclosing class's databases alone.
        ClassDatabases databases = context.getStore(NAMESPACE).remove(DATABASES, ClassDatabases.class);
        if (databases != null) {
            databases.dropAll();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == TestDatabase.class || type == TestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (parameterContext.getParameter().getType() == TestServer.class) {
            return SharedTestServer.get();
        }
        return databasesOf(extensionContext).primary();
    }

    /**
     * The databases of the class the context belongs to, created on first use: with
     * {@code @TestInstance(PER_CLASS)} the constructor asks before {@link #beforeAll} runs.
     */
    private static ClassDatabases databasesOf(ExtensionContext context) {
        ExtensionContext classContext = classLevel(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(DATABASES, key -> open(classContext), ClassDatabases.class);
    }

    private static ExtensionContext classLevel(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static ClassDatabases open(ExtensionContext classContext) {
        Class<?> testClass = classContext.getRequiredTestClass();
        try {
            return ClassDatabases.open(SharedTestServer.get(), testClass);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database for " + testClass.getName() + ": "
                    + e.getMessage(), e);
        }
    }
}
