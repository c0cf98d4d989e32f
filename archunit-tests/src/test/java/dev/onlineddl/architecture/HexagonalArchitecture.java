package dev.onlineddl.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A small fluent description of a hexagonal architecture that turns into ArchUnit rules.
 *
 * <p>Every part is named relative to the bounded context's root package. That is the point of the DSL: the very
 * same description is checked against the real code ({@code dev.onlineddl}) and against fixtures that mirror its
 * layout under other roots, which is how each rule is shown to be able to fail.
 *
 * <p>Rules are produced only for the parts that were declared, and they tolerate parts without classes (a fixture
 * holds only what its violation needs). Whether the real code is imported at all is a separate question,
 * answered by {@link #partsWithoutClasses(JavaClasses)}.
 */
public final class HexagonalArchitecture {

    /** The rules this description can produce, so a test can say which one a fixture must break. */
    public enum Rule {
        DOMAIN_DEPENDS_ON_THE_JDK_ONLY,
        DOMAIN_ROOT_DOES_NOT_USE_ITS_SUBPACKAGES,
        PORTS_DEPEND_ON_THE_DOMAIN_AND_THE_JDK_ONLY,
        PLUGIN_SPI_DEPENDS_ON_DOMAIN_AND_ALLOWED_PORTS_ONLY,
        CORE_DEPENDS_ON_DOMAIN_PORTS_SPI_AND_ALLOWED_LIBRARIES_ONLY,
        ONLY_THE_STATUS_GATEWAY_CHANGES_A_MIGRATIONS_STATUS,
        ADAPTERS_NEVER_DEPEND_ON_THE_CORE,
        ADAPTERS_ARE_USED_ONLY_BY_THEMSELVES_AND_THE_CONFIGURATION,
        NO_PACKAGE_CYCLES,
        NOTHING_DEPENDS_ON_THE_CONFIGURATION
    }

    private static final String JDK = "java..";

    private final String rootPackage;
    private String domain;
    private final List<String> ports = new ArrayList<>();
    private String pluginSpi;
    private final List<String> portsAllowedInPluginSpi = new ArrayList<>();
    private String core;
    private final List<String> librariesAllowedInCore = new ArrayList<>();
    private String statusGateway;
    private String statusStore;
    private final Set<String> statusChangingMethods = new java.util.TreeSet<>();
    private String adaptersParent;
    private String configuration;
    private boolean packageCyclesForbidden;

    private HexagonalArchitecture(String rootPackage) {
        this.rootPackage = requirePackageName(rootPackage, "root package");
    }

    /** Starts the description of the code under {@code rootPackage}; every other package is relative to it. */
    public static HexagonalArchitecture boundedContext(String rootPackage) {
        return new HexagonalArchitecture(rootPackage);
    }

    /**
     * The domain: it may use itself and the JDK, nothing else. Its root package is the kernel its subpackages build
     * on, so the root must not use a subpackage (that is the direction in which cycles would start).
     */
    public HexagonalArchitecture withDomain(String relativePackage) {
        this.domain = absolute(relativePackage);
        return this;
    }

    /**
     * The core's contract (incoming and outgoing ports): interfaces and records that may use the domain, each other
     * and the JDK, and no library at all, so that neither a plugin nor an adapter inherits one through them.
     */
    public HexagonalArchitecture withPorts(String... relativePackages) {
        Stream.of(relativePackages).map(this::absolute).forEach(ports::add);
        return this;
    }

    /**
     * The plugin SPI: stricter than the other ports, it may use only the domain, itself, the JDK and the ports named
     * with {@link PluginSpi#mayAlsoUse}, because third-party plugins compile against it.
     */
    public PluginSpi withPluginSpi(String relativePackage) {
        this.pluginSpi = absolute(relativePackage);
        return new PluginSpi();
    }

    /**
     * The core (the executor implementing the incoming ports): it may use the domain, the ports, the plugin SPI, the
     * JDK and the libraries named with {@link Core#mayAlsoUseLibraries}. No adapter may use it.
     */
    public Core withCore(String relativePackage) {
        this.core = absolute(relativePackage);
        return new Core();
    }

    /**
     * The adapters: every direct subpackage of {@code relativeParentPackage} is one adapter. An adapter is used only
     * by itself and by the configuration, so adapters never use each other. Discovering the adapters from the
     * packages, rather than listing them, keeps an adapter added later under the rule without anyone remembering to.
     */
    public HexagonalArchitecture withAdapters(String relativeParentPackage) {
        this.adaptersParent = absolute(relativeParentPackage);
        return this;
    }

    /** The configuration (wiring, entry points): it may use everything, and nothing may use it. */
    public HexagonalArchitecture withConfiguration(String relativePackage) {
        this.configuration = absolute(relativePackage);
        return this;
    }

    /** Every package under the root is its own slice, so even two sibling subpackages may not form a cycle. */
    public HexagonalArchitecture withoutPackageCycles() {
        this.packageCyclesForbidden = true;
        return this;
    }

    /** Fails with every violated rule's report, each headed by the rule's name. */
    public void check(JavaClasses classes) {
        List<String> reports = new ArrayList<>();
        rules().forEach((rule, archRule) -> {
            EvaluationResult result = archRule.evaluate(classes);
            if (result.hasViolation()) {
                reports.add("[" + rule + "] " + result.getFailureReport());
            }
        });
        if (!reports.isEmpty()) {
            throw new AssertionError(reports.size() + " architecture rule(s) violated under " + rootPackage + ":\n\n"
                    + String.join("\n\n", reports));
        }
    }

    /** The rules the classes break; the rules that do not apply to this description are never in it. */
    public Set<Rule> violatedBy(JavaClasses classes) {
        Set<Rule> violated = EnumSet.noneOf(Rule.class);
        rules().forEach((rule, archRule) -> {
            if (archRule.evaluate(classes).hasViolation()) {
                violated.add(rule);
            }
        });
        return violated;
    }

    /**
     * The declared parts (as absolute packages) without a single imported class. Rules over a part without classes
     * pass vacuously, so a check of the real code should first make sure this is empty.
     */
    public List<String> partsWithoutClasses(JavaClasses classes) {
        Stream<String> declared = Stream.of(
                        Stream.ofNullable(domain),
                        ports.stream(),
                        Stream.ofNullable(pluginSpi),
                        Stream.ofNullable(core),
                        Stream.ofNullable(adaptersParent),
                        Stream.ofNullable(configuration))
                .flatMap(part -> part)
                .distinct();
        return declared.filter(part -> classes.stream()
                        .noneMatch(javaClass -> inside(part).matches(javaClass.getPackageName())))
                .toList();
    }

    /** The ArchUnit rules for what was declared, in a stable order. */
    public Map<Rule, ArchRule> rules() {
        Map<Rule, ArchRule> rules = new EnumMap<>(Rule.class);
        if (domain != null) {
            rules.put(Rule.DOMAIN_DEPENDS_ON_THE_JDK_ONLY, domainDependsOnTheJdkOnly());
            rules.put(Rule.DOMAIN_ROOT_DOES_NOT_USE_ITS_SUBPACKAGES, domainRootDoesNotUseItsSubpackages());
        }
        if (!ports.isEmpty()) {
            rules.put(Rule.PORTS_DEPEND_ON_THE_DOMAIN_AND_THE_JDK_ONLY, portsDependOnTheDomainAndTheJdk());
        }
        if (core != null) {
            rules.put(Rule.CORE_DEPENDS_ON_DOMAIN_PORTS_SPI_AND_ALLOWED_LIBRARIES_ONLY, coreDependsOnDomainPortsSpiAndLibraries());
        }
        if (statusGateway != null) {
            rules.put(Rule.ONLY_THE_STATUS_GATEWAY_CHANGES_A_MIGRATIONS_STATUS, onlyTheStatusGatewayChangesAStatus());
        }
        if (adaptersParent != null && core != null) {
            rules.put(Rule.ADAPTERS_NEVER_DEPEND_ON_THE_CORE, adaptersNeverDependOnTheCore());
        }
        if (adaptersParent != null) {
            rules.put(Rule.ADAPTERS_ARE_USED_ONLY_BY_THEMSELVES_AND_THE_CONFIGURATION,
                    adaptersAreUsedOnlyByThemselvesAndTheConfiguration());
        }
        if (pluginSpi != null) {
            rules.put(Rule.PLUGIN_SPI_DEPENDS_ON_DOMAIN_AND_ALLOWED_PORTS_ONLY, pluginSpiDependsOnDomainAndPorts());
        }
        if (packageCyclesForbidden) {
            rules.put(Rule.NO_PACKAGE_CYCLES, noPackageCycles());
        }
        if (configuration != null) {
            rules.put(Rule.NOTHING_DEPENDS_ON_THE_CONFIGURATION, nothingDependsOnTheConfiguration());
        }
        rules.replaceAll((rule, archRule) -> archRule.allowEmptyShould(true));
        return Collections.unmodifiableMap(rules);
    }

    private ArchRule domainDependsOnTheJdkOnly() {
        return classes().that().resideInAPackage(inPackageTree(domain))
                .should().onlyDependOnClassesThat().resideInAnyPackage(inPackageTree(domain), JDK)
                .because("the domain holds the rules as plain values and functions: any library or framework used"
                        + " there would leak into every layer");
    }

    private ArchRule domainRootDoesNotUseItsSubpackages() {
        return noClasses().that().resideInAPackage(domain)
                .should().dependOnClassesThat(resideInAPackage(inPackageTree(domain))
                        .and(resideOutsideOfPackage(domain))
                        .as("reside in a subpackage of '%s'", domain))
                .because("the domain root is the kernel its subpackages build on; a kernel that knows its"
                        + " refinements starts package cycles");
    }

    private ArchRule portsDependOnTheDomainAndTheJdk() {
        String[] allowed = Stream.of(Stream.ofNullable(domain), ports.stream(), Stream.of("java"))
                .flatMap(part -> part)
                .map(HexagonalArchitecture::inPackageTree)
                .toArray(String[]::new);
        return classes().that().resideInAnyPackage(inPackageTrees(ports))
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .because("ports are the core's contract: interfaces and records over domain values, carrying no"
                        + " framework (no logging, no dependency-injection annotations) and never the core itself");
    }

    private ArchRule coreDependsOnDomainPortsSpiAndLibraries() {
        String[] allowed = Stream.of(
                        Stream.ofNullable(domain),
                        ports.stream(),
                        Stream.ofNullable(pluginSpi),
                        Stream.of(core),
                        Stream.of("java"),
                        librariesAllowedInCore.stream())
                .flatMap(part -> part)
                .map(HexagonalArchitecture::inPackageTree)
                .toArray(String[]::new);
        return classes().that().resideInAPackage(inPackageTree(core))
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .because("the core implements the use cases with the ports, the plugins and the domain's rules and"
                        + " carries no framework, in particular no dependency-injection annotations (javax.inject,"
                        + " jakarta.inject, dagger): the configuration provides every implementation");
    }

    private ArchRule onlyTheStatusGatewayChangesAStatus() {
        DescribedPredicate<JavaMethodCall> changesAStatus = new DescribedPredicate<>(
                "change a migration's status through " + statusStore + "." + statusChangingMethods) {
            @Override
            public boolean test(JavaMethodCall call) {
                return call.getTargetOwner().getName().equals(statusStore)
                        && statusChangingMethods.contains(call.getName());
            }
        };
        return noClasses().that().doNotHaveFullyQualifiedName(statusGateway)
                .should().callMethodWhere(changesAStatus)
                .because("every status change goes through " + statusGateway + ", which logs it once and serialises"
                        + " it against the others: a change written around it can be lost to a race and is never"
                        + " logged");
    }

    private ArchRule adaptersNeverDependOnTheCore() {
        return noClasses().that().resideInAPackage(inPackageTree(adaptersParent))
                .should().dependOnClassesThat().resideInAPackage(inPackageTree(core))
                .because("adapters implement the ports and the plugin SPI; a strategy plugin that reached into the"
                        + " executor could not be built, tested or released apart from it");
    }

    private ArchRule pluginSpiDependsOnDomainAndPorts() {
        String[] allowed = Stream.of(
                        Stream.ofNullable(domain),
                        Stream.of(pluginSpi),
                        portsAllowedInPluginSpi.stream(),
                        Stream.of("java"))
                .flatMap(part -> part)
                .map(HexagonalArchitecture::inPackageTree)
                .toArray(String[]::new);
        return classes().that().resideInAPackage(inPackageTree(pluginSpi))
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .because("third-party plugins compile against the SPI: it may expose domain values and the"
                        + " outgoing ports the core hands a plugin, nothing else");
    }

    private ArchRule adaptersAreUsedOnlyByThemselvesAndTheConfiguration() {
        return classes().should(useAnAdapterOnlyFromInsideItOrFromTheConfiguration())
                .because("an adapter is reached only through the ports it implements; the configuration alone"
                        + " knows which adapters exist");
    }

    private ArchRule noPackageCycles() {
        // "(**)" captures the whole package below the root, so every package is a slice of its own.
        return slices().matching(rootPackage + ".(**)")
                .should().beFreeOfCycles()
                .because("a cycle between packages makes them one unit that can be neither understood nor changed"
                        + " separately");
    }

    private ArchRule nothingDependsOnTheConfiguration() {
        return noClasses().that().resideOutsideOfPackage(inPackageTree(configuration))
                .should().dependOnClassesThat().resideInAPackage(inPackageTree(configuration))
                .because("the configuration assembles everything else, so it is the outermost layer");
    }

    private ArchCondition<JavaClass> useAnAdapterOnlyFromInsideItOrFromTheConfiguration() {
        PackageMatcher adapter = PackageMatcher.of(adaptersParent + ".(*)..");
        Optional<PackageMatcher> configurationTree = Optional.ofNullable(configuration).map(HexagonalArchitecture::inside);
        String description = "use an adapter (" + adaptersParent + ".<adapter>..) only from inside that adapter"
                + configurationTree.map(ignored -> " or from the configuration (" + inPackageTree(configuration) + ")")
                        .orElse("");
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                if (configurationTree.map(tree -> tree.matches(origin.getPackageName())).orElse(false)) {
                    return;
                }
                Optional<String> ownAdapter = adapterOf(adapter, origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    adapterOf(adapter, dependency.getTargetClass())
                            .filter(usedAdapter -> !Optional.of(usedAdapter).equals(ownAdapter))
                            .ifPresent(usedAdapter -> events.add(SimpleConditionEvent.violated(dependency,
                                    dependency.getDescription() + " [uses adapter '" + usedAdapter + "' from "
                                            + ownAdapter.map(own -> "adapter '" + own + "'")
                                                    .orElse("outside the adapters") + "]")));
                }
            }
        };
    }

    private static Optional<String> adapterOf(PackageMatcher adapter, JavaClass javaClass) {
        return adapter.match(javaClass.getBaseComponentType().getPackageName()).map(match -> match.getGroup(1));
    }

    /** Nested step of the DSL: what the core may use beyond the domain, the ports, the plugin SPI and the JDK. */
    public final class Core {
        private Core() {
        }

        /** Libraries (root packages such as {@code org.slf4j}, absolute) the core may use besides the JDK. */
        public Core mayAlsoUseLibraries(String... libraryPackages) {
            Stream.of(libraryPackages)
                    .map(library -> requirePackageName(library, "library package"))
                    .forEach(librariesAllowedInCore::add);
            return this;
        }

        /**
         * The one class of the core (relative name) that may call {@code methods} of the store (relative name of an
         * outgoing port): the ones that change a migration's status.
         */
        public HexagonalArchitecture withStatusGateway(String relativeClassName, String relativeStore, String... methods) {
            statusGateway = absolute(relativeClassName);
            statusStore = absolute(relativeStore);
            statusChangingMethods.addAll(List.of(methods));
            return HexagonalArchitecture.this;
        }

        public HexagonalArchitecture and() {
            return HexagonalArchitecture.this;
        }
    }

    /** Nested step of the DSL: which ports (relative packages) the plugin SPI may use. */
    public final class PluginSpi {
        private PluginSpi() {
        }

        public HexagonalArchitecture mayAlsoUse(String... relativePortPackages) {
            Stream.of(relativePortPackages).map(HexagonalArchitecture.this::absolute).forEach(portsAllowedInPluginSpi::add);
            return HexagonalArchitecture.this;
        }

        /** The plugin SPI uses nothing beyond the domain, itself and the JDK. */
        public HexagonalArchitecture and() {
            return HexagonalArchitecture.this;
        }
    }

    private String absolute(String relativePackage) {
        return rootPackage + "." + requirePackageName(relativePackage, "relative package");
    }

    private static String requirePackageName(String packageName, String what) {
        Objects.requireNonNull(packageName, what);
        if (!packageName.matches("[a-zA-Z_$][\\w$]*(\\.[a-zA-Z_$][\\w$]*)*")) {
            throw new IllegalArgumentException(
                    "Not a " + what + ": '" + packageName + "'; expected dot-separated Java identifiers such as"
                            + " 'port.out'");
        }
        return packageName;
    }

    private static String inPackageTree(String packageName) {
        return packageName + "..";
    }

    private static String[] inPackageTrees(List<String> packageNames) {
        return packageNames.stream().map(HexagonalArchitecture::inPackageTree).toArray(String[]::new);
    }

    private static PackageMatcher inside(String packageName) {
        return PackageMatcher.of(inPackageTree(packageName));
    }

    @Override
    public String toString() {
        return "HexagonalArchitecture" + rules().keySet().stream().map(Enum::name)
                .collect(Collectors.joining(", ", "[" + rootPackage + ": ", "]"));
    }
}
