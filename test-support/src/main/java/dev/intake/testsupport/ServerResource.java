package dev.intake.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * What the four resources share: choosing how the server runs, the handle for tests, idempotent stop.
 * <p>
 * A server is, in this order: the one named by the resource's {@code TEST_*} variables (reused, with a fresh
 * database or bucket where that makes sense); a container, when a Docker engine answers (or
 * {@code TEST_SERVERS=docker}); else a native throwaway process on a free loopback port ({@code TEST_SERVERS=native}
 * forces this).
 */
public abstract class ServerResource implements QuarkusTestResourceLifecycleManager {

    private static final System.Logger LOG = System.getLogger(ServerResource.class.getName());
    private static final Map<String, ThrowawayServer> CURRENT = new ConcurrentHashMap<>();

    private Map<String, String> args = Map.of();
    private Running running;

    ServerResource() {
    }

    /** What was started: the server and the configuration Quarkus gets. */
    record Running(ManagedServer server, Map<String, String> config) {
    }

    /** Arguments from {@code @WithTestResource(initArgs = @ResourceArg(name = ..., value = ...))}. */
    @Override
    public void init(Map<String, String> initArgs) {
        this.args = Map.copyOf(initArgs);
    }

    String arg(String name, String defaultValue) {
        return args.getOrDefault(name, defaultValue);
    }

    /** The server named by the {@code TEST_*} variables, when they are set. */
    abstract Optional<Running> reuse();

    abstract Running container();

    abstract Running startNative();

    @Override
    public final synchronized Map<String, String> start() {
        if (running == null) {
            long begin = System.nanoTime();
            Running started = reuse().orElseGet(() -> Containers.useDocker() ? container() : startNative());
            CURRENT.put(getClass().getName(), started.server());
            running = started;
            LOG.log(System.Logger.Level.INFO, "[test-support] {0} ready on port {1} in {2} ms",
                    started.server().name(), String.valueOf(started.server().port()),
                    String.valueOf((System.nanoTime() - begin) / 1_000_000));
        }
        return running.config();
    }

    /**
     * Runs {@code prepare} (create a bucket, ...) on a started server; when it fails the server is torn down and
     * the failure passed on.
     */
    static Running prepared(ManagedServer server, Runnable prepare, Map<String, String> config) {
        return new Running(ManagedServer.closeOnFailure(server, prepare), config);
    }

    /** Tears the server down (process ended, temporary files deleted). Idempotent. */
    @Override
    public final synchronized void stop() {
        Running stopping = running;
        if (stopping == null) {
            return;
        }
        running = null;
        CURRENT.remove(getClass().getName(), stopping.server());
        stopping.server().close();
    }

    /** Sets the test's {@link InjectServer} fields meant for this resource. */
    @Override
    public void inject(TestInjector injector) {
        Running current = running;
        if (current != null) {
            injector.injectIntoFields(current.server(), injectionPoint(getClass()));
        }
    }

    /** The server of this resource while it is started. */
    public final synchronized ThrowawayServer server() {
        if (running == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " is not started");
        }
        return running.server();
    }

    /** The server of the last started resource of that class that is not stopped yet. */
    static ThrowawayServer current(Class<? extends ServerResource> type) {
        ThrowawayServer server = CURRENT.get(type.getName());
        if (server == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + " is started in this test run (is the"
                    + " test annotated with @WithTestResource(" + type.getSimpleName() + ".class)?)");
        }
        return server;
    }

    /**
     * Fields annotated {@link InjectServer} with this resource (or none) as value. Compared by class name, since a
     * test class may come from another class loader than this one.
     */
    static Predicate<Field> injectionPoint(Class<?> resource) {
        return field -> {
            for (Annotation annotation : field.getAnnotations()) {
                if (annotation.annotationType().getName().equals(InjectServer.class.getName())) {
                    String target = targetOf(annotation);
                    boolean ours = target.equals(resource.getName())
                            || target.equals(QuarkusTestResourceLifecycleManager.class.getName());
                    if (ours && !field.getType().getName().equals(ThrowawayServer.class.getName())) {
                        throw new IllegalStateException("@InjectServer field " + field + " must be of type "
                                + ThrowawayServer.class.getName());
                    }
                    return ours;
                }
            }
            return false;
        };
    }

    private static String targetOf(Annotation injectServer) {
        try {
            return ((Class<?>) injectServer.annotationType().getMethod("value").invoke(injectServer)).getName();
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
