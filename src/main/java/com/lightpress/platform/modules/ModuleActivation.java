package com.lightpress.platform.modules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Which business modules run in this process. It is read straight from the {@link Environment}
 * because the answer decides which types become beans, so it is needed before any bean exists.
 */
public final class ModuleActivation {

    /** The platform's own package, {@code com.lightpress.platform}: its parent holds every module. */
    private static final String PLATFORM_PACKAGE = parent(ModuleActivation.class.getPackageName());

    private static final String ROOT = parent(PLATFORM_PACKAGE) + ".";

    /**
     * The business modules in dependency order (a module only depends on modules before it), as
     * their {@code @ApplicationModule} declarations say: every module but the platform.
     */
    public static final List<String> MODULES =
            DeclaredModules.below(parent(PLATFORM_PACKAGE), PLATFORM_PACKAGE.substring(ROOT.length()));

    public static final String LOCAL_PROPERTY = "lightpress.modules.local";
    private static final String REMOTE_PACKAGE = ".remote";

    private final Set<String> local;

    public ModuleActivation(Set<String> local) {
        var unknown = local.stream().filter(it -> !MODULES.contains(it)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "%s names unknown modules %s; known modules are %s".formatted(LOCAL_PROPERTY, unknown, MODULES));
        }
        if (local.isEmpty()) {
            throw new IllegalArgumentException(LOCAL_PROPERTY + " must name at least one of " + MODULES);
        }
        this.local = Set.copyOf(local);
    }

    public static ModuleActivation from(Environment environment) {
        var configured = Binder.get(environment)
                .bind(LOCAL_PROPERTY, String[].class)
                .map(List::of)
                .orElse(MODULES);
        return new ModuleActivation(new LinkedHashSet<>(configured.stream()
                .map(String::trim)
                .filter(it -> !it.isEmpty())
                .toList()));
    }

    public boolean isLocal(String module) {
        return local.contains(module);
    }

    /** The local modules in dependency order. */
    public List<String> local() {
        return MODULES.stream().filter(local::contains).toList();
    }

    /** The modules that run in another process, in dependency order. */
    public List<String> remote() {
        return MODULES.stream().filter(it -> !local.contains(it)).toList();
    }

    /**
     * Whether a type belongs in this process. A module's types are wanted when the module is
     * local, except its {@code remote} package, which holds the adapters that stand in for the
     * module when it runs elsewhere and is therefore wanted exactly when the module is not local.
     */
    public boolean wants(String className) {
        return moduleOf(className)
                .map(module -> isLocal(module) != isRemoteAdapter(module, className))
                .orElse(true);
    }

    /** The business module a class belongs to, by the package convention. */
    public static Optional<String> moduleOf(String className) {
        if (!className.startsWith(ROOT)) {
            return Optional.empty();
        }
        var rest = className.substring(ROOT.length());
        var dot = rest.indexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(rest.substring(0, dot)).filter(MODULES::contains);
    }

    private static String parent(String packageName) {
        return packageName.substring(0, packageName.lastIndexOf('.'));
    }

    private static boolean isRemoteAdapter(String module, String className) {
        return className.startsWith(ROOT + module + REMOTE_PACKAGE + ".");
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ModuleActivation that && local.equals(that.local);
    }

    @Override
    public int hashCode() {
        return local.hashCode();
    }

    @Override
    public String toString() {
        return "local " + local() + ", remote " + remote();
    }
}
