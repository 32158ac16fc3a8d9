package io.mandate.refhost.plugin;

import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import io.mandate.refhost.db.AoTablePrefix;
import io.mandate.refhost.db.AoUpgradeTasks;
import io.mandate.refhost.db.RefActiveObjects;
import net.java.ao.RawEntity;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One started plugin inside one product: its descriptor, its class loader, its Spring context
 * (built from the Spring Scanner index and the host services it imports) and its module objects.
 * Starting checks every module's class, template and resource, and fails with a message naming
 * the first one that is missing.
 */
public final class PluginInstance implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PluginInstance.class.getName());
    private static final String INDEX = "META-INF/plugin-components/";

    private final String product;
    private final ClassLoader loader;
    private final PluginDescriptor descriptor;
    private final AnnotationConfigApplicationContext spring;
    /** Module objects by class name; concurrent, so a page's lookup never waits for another page's. */
    private final Map<String, Object> moduleObjects = new java.util.concurrent.ConcurrentHashMap<>();

    private PluginInstance(String product, ClassLoader loader, PluginDescriptor descriptor,
                           AnnotationConfigApplicationContext spring) {
        this.product = product;
        this.loader = loader;
        this.descriptor = descriptor;
        this.spring = spring;
    }

    /**
     * Reads the descriptor, checks the modules, wires the components, then — as Atlassian's AO plugin
     * does once the plugin's container is up — runs the {@code <upgradeTask>}s newer than the model
     * version the host recorded and migrates the AO entities.
     *
     * @param activeObjects the AO instance for the plugin's {@code <ao>} namespace, made by the caller
     *                      from {@link #readDescriptor}'s namespace
     */
    public static PluginInstance start(String product, ClassLoader loader, PluginDescriptor descriptor,
                                       HostServices host, RefActiveObjects activeObjects) {
        checkModules(loader, descriptor);
        AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext();
        spring.setClassLoader(loader);
        spring.setDisplayName(descriptor.key() + " in " + product);
        for (String imported : indexLines(loader, "imports", product)) {
            Object service = host.find(imported).orElseThrow(() -> new PluginStartException(
                    "The plugin imports " + imported + ", which " + product + " does not provide."));
            spring.getBeanFactory().registerSingleton(imported, service);
        }
        for (String line : indexLines(loader, "component", product)) {
            String className = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            String beanName = line.contains("#") ? line.substring(line.indexOf('#') + 1) : className;
            spring.registerBean(beanName, loadClass(loader, className, "component index"));
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            spring.refresh();
        } catch (RuntimeException e) {
            throw new PluginStartException("The plugin's components cannot be wired in " + product + ": " + e.getMessage()
                    + rootCause(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        if (descriptor.ao() != null) {
            try {
                upgradeAndMigrate(loader, descriptor.ao(), spring, activeObjects);
            } catch (RuntimeException e) {
                spring.close();
                throw e instanceof PluginStartException p ? p
                        : new PluginStartException("ao module " + descriptor.ao().key() + ": " + e.getMessage(), e);
            }
        }
        LOG.info(() -> "Plugin " + descriptor.key() + " started in " + product + " with "
                + spring.getBeanDefinitionCount() + " components");
        return new PluginInstance(product, loader, descriptor, spring);
    }

    public static PluginDescriptor readDescriptor(ClassLoader loader, String product) {
        URL url = loader.getResource("atlassian-plugin.xml");
        if (url == null) {
            throw new PluginStartException("No atlassian-plugin.xml at the root of the plugin.");
        }
        try (InputStream in = url.openStream()) {
            return PluginDescriptor.read(in, product);
        } catch (IOException e) {
            throw new PluginStartException("atlassian-plugin.xml cannot be read", e);
        }
    }

    public String product() {
        return product;
    }

    public PluginDescriptor descriptor() {
        return descriptor;
    }

    public ClassLoader classLoader() {
        return loader;
    }

    /**
     * A module object (context provider, servlet, resource, macro), created once and autowired like a component. Without
     * a lock: a created one is read as it is ({@code ConcurrentHashMap.get}); only the first lookup of a class creates
     * it, inside {@code computeIfAbsent}, which blocks only a concurrent first lookup of the same class.
     */
    public <T> T moduleObject(String className, Class<T> expected) {
        Object object = moduleObjects.get(className);
        if (object == null) {
            object = moduleObjects.computeIfAbsent(className,
                    name -> spring.getAutowireCapableBeanFactory().createBean(loadClass(loader, name, "module")));
        }
        return expected.cast(object);
    }

    public <T> T component(Class<T> type) {
        return spring.getBean(type);
    }

    /**
     * Classes of the given packages (and their sub-packages) in the plugin that carry a JAX-RS
     * {@code @Path} or {@code @Provider}, for REST resource discovery. Like Atlassian REST's scanner
     * it reads the class files first and loads only those, so a class this product cannot load (a
     * Jira-only class in Confluence) is never loaded.
     */
    public List<Class<?>> classesIn(List<String> packages) {
        List<Class<?>> result = new ArrayList<>();
        for (String pkg : packages) {
            for (String name : ClassIndex.classNames(loader, pkg)) {
                if (ClassIndex.mentionsAny(loader, name, "Ljavax/ws/rs/Path;", "Ljavax/ws/rs/ext/Provider;")) {
                    result.add(loadClass(loader, name, "rest package " + pkg));
                }
            }
        }
        return result;
    }

    @Override
    public void close() {
        spring.close();
    }

    /**
     * Upgrade tasks are beans of the plugin's container, created and autowired the way the AO plugin's
     * ActiveObjectModuleDescriptor does ({@code ContainerManagedPlugin.getContainerAccessor().createBean}),
     * so they may take components and imported host services in their constructors.
     */
    private static void upgradeAndMigrate(ClassLoader loader, PluginDescriptor.Ao ao,
                                          AnnotationConfigApplicationContext spring, RefActiveObjects activeObjects) {
        List<ActiveObjectsUpgradeTask> tasks = new ArrayList<>();
        for (String name : ao.upgradeTasks()) {
            Class<?> type = loadClass(loader, name, "ao module " + ao.key());
            if (!ActiveObjectsUpgradeTask.class.isAssignableFrom(type)) {
                throw new PluginStartException("ao module " + ao.key() + ": upgrade task " + name
                        + " does not implement " + ActiveObjectsUpgradeTask.class.getName());
            }
            tasks.add((ActiveObjectsUpgradeTask) spring.getAutowireCapableBeanFactory().createBean(type));
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            AoUpgradeTasks.run(activeObjects, new AoTablePrefix(ao.namespace()).value(), tasks);
        } finally {
            thread.setContextClassLoader(previous);
        }
        activeObjects.migrate(entityClasses(loader, ao));
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends RawEntity<?>>[] entityClasses(ClassLoader loader, PluginDescriptor.Ao ao) {
        List<Class<? extends RawEntity<?>>> classes = new ArrayList<>();
        for (String name : ao.entities()) {
            Class<?> c = loadClass(loader, name, "ao entity");
            if (!RawEntity.class.isAssignableFrom(c)) {
                throw new PluginStartException("ao entity " + name + " is not an Active Objects entity");
            }
            classes.add((Class<? extends RawEntity<?>>) c);
        }
        return classes.toArray(new Class[0]);
    }

    private static void checkModules(ClassLoader loader, PluginDescriptor d) {
        for (String bundle : d.i18nBundles()) {
            requireResource(loader, bundle.replace('.', '/') + ".properties", "i18n resource " + bundle);
        }
        if (d.ao() != null) {
            d.ao().entities().forEach(e -> loadClass(loader, e, "ao module " + d.ao().key()));
            d.ao().upgradeTasks().forEach(e -> loadClass(loader, e, "ao module " + d.ao().key()));
        }
        for (PluginDescriptor.Rest rest : d.rests()) {
            for (String pkg : rest.packages()) {
                if (ClassIndex.classNames(loader, pkg).isEmpty()) {
                    throw new PluginStartException("rest module " + rest.key() + ": package " + pkg + " has no classes");
                }
            }
        }
        d.servlets().forEach(s -> loadClass(loader, s.className(), "servlet module " + s.key()));
        for (PluginDescriptor.WebPanel p : d.webPanels()) {
            if (p.contextProvider() != null) {
                loadClass(loader, p.contextProvider(), "web-panel module " + p.key());
            }
            if (p.viewTemplate() == null) {
                throw new PluginStartException("web-panel module " + p.key() + " has no view resource");
            }
            requireResource(loader, p.viewTemplate(), "web-panel module " + p.key() + " template");
        }
        for (PluginDescriptor.WebResource r : d.webResources()) {
            for (PluginDescriptor.Resource res : r.resources()) {
                requireResource(loader, res.location(), "web-resource module " + r.key() + " resource " + res.name());
            }
        }
        d.macros().forEach(m -> loadClass(loader, m.className(), "xhtml-macro module " + m.key()));
        JiraModuleChecks.check(loader, d);
    }

    private static void requireResource(ClassLoader loader, String location, String what) {
        if (loader.getResource(location.startsWith("/") ? location.substring(1) : location) == null) {
            throw new PluginStartException(what + ": " + location + " is not in the plugin");
        }
    }

    /** A class the descriptor or index names, loaded as Jira loads it: through the plugin bundle. */
    static Class<?> loadClass(ClassLoader loader, String name, String what) {
        ClassLoader bundle = loader instanceof PluginClassLoader plugin ? plugin.bundle() : loader;
        try {
            return Class.forName(name, false, bundle);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PluginStartException(what + ": class " + name + " cannot be loaded by the plugin" + rootCause(e), e);
        }
    }

    /** The innermost cause's message, which names the class or package the plugin could not see. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return " (cause: " + root + ")";
    }

    /** Lines of an index file and of its per-product variant (e.g. component + component-jira). */
    private static List<String> indexLines(ClassLoader loader, String stem, String product) {
        List<String> lines = new ArrayList<>();
        for (String file : List.of(stem, stem + "-" + product)) {
            URL url = loader.getResource(INDEX + file);
            if (url == null) {
                continue;
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(lines::add);
            } catch (IOException e) {
                throw new PluginStartException("Cannot read " + INDEX + file, e);
            }
        }
        return lines;
    }
}
