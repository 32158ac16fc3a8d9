package io.mandate.refhost.sal;

import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.parser.node.AbstractExecutor;
import org.apache.velocity.runtime.parser.node.BooleanPropertyExecutor;
import org.apache.velocity.runtime.parser.node.GetExecutor;
import org.apache.velocity.runtime.parser.node.MapGetExecutor;
import org.apache.velocity.runtime.parser.node.PropertyExecutor;
import org.apache.velocity.util.ArrayListWrapper;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.UberspectImpl;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;
import org.apache.velocity.util.introspection.VelPropertySet;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Velocity introspection that lets a template invoke only allowlisted methods, as Platform 7's secure
 * uberspector does: method calls ({@code $a.b()}), property reads ({@code $a.b} → {@code getB()},
 * {@code isB()}, {@code Map.get("b")}, {@code get("b")}) and property writes ({@code #set($a.b = 1)}) are
 * checked against the {@link VelocityAllowlist}; {@code #foreach} walks arrays, collections, maps,
 * iterators and enumerations only (never an arbitrary {@code iterator()} method).
 *
 * <p>Jira and Confluence log "Method needs allowlisting: …" and block the call. The reference host logs
 * the same line and then fails the rendering with {@link NotAllowlisted}, so a test sees the mistake
 * instead of a page with a raw {@code $reference} in it.
 */
public final class AllowlistUberspector extends UberspectImpl {

    private static final Logger LOG = Logger.getLogger(AllowlistUberspector.class.getName());

    /** A template tried to invoke a method that is on no allowlist. */
    public static final class NotAllowlisted extends VelocityException {
        NotAllowlisted(String message) {
            super(message);
        }
    }

    private volatile VelocityAllowlist allowlist = VelocityAllowlist.host();

    /** Set once by the renderer right after the engine starts, before any template is rendered. */
    void allow(VelocityAllowlist list) {
        this.allowlist = list;
    }

    @Override
    public VelMethod getMethod(Object obj, String methodName, Object[] args, Info info) throws Exception {
        VelMethod velMethod = super.getMethod(obj, methodName, args, info);
        if (velMethod == null) {
            return null;
        }
        Class<?> target = obj.getClass().isArray() ? ArrayListWrapper.class : obj.getClass();
        Method method = introspector.getMethod(target, methodName, args);
        if (method == null) {
            // only a static method of a Class object is left: templates never get to call those
            refuse(obj instanceof Class<?> c ? c : target, methodName + "(…)", info);
        }
        check(target, method, info);
        return velMethod;
    }

    @Override
    public VelPropertyGet getPropertyGet(Object obj, String identifier, Info info) throws Exception {
        if (obj == null) {
            return null;
        }
        Class<?> target = obj.getClass();
        // the same executors, in the same order, as UberspectImpl; each is checked before it may run
        AbstractExecutor executor = new PropertyExecutor(log, introspector, target, identifier);
        if (!executor.isAlive()) {
            executor = new MapGetExecutor(log, target, identifier);
        }
        if (!executor.isAlive()) {
            executor = new GetExecutor(log, introspector, target, identifier);
        }
        if (!executor.isAlive()) {
            executor = new BooleanPropertyExecutor(log, introspector, target, identifier);
        }
        if (!executor.isAlive()) {
            return null;
        }
        check(target, executor.getMethod(), info);
        return new VelGetterImpl(executor);
    }

    @Override
    public VelPropertySet getPropertySet(Object obj, String identifier, Object arg, Info info) throws Exception {
        VelPropertySet setter = super.getPropertySet(obj, identifier, arg, info);
        if (setter != null) {
            // every way a template can write a property is a mutation: none is on any allowlist
            refuse(obj.getClass(), setter.getMethodName() + "(…)", info);
        }
        return null;
    }

    @Override
    public Iterator getIterator(Object obj, Info info) throws Exception {
        if (obj == null || obj.getClass().isArray() || obj instanceof Collection || obj instanceof Map
                || obj instanceof Iterator || obj instanceof Enumeration) {
            return super.getIterator(obj, info);
        }
        refuse(obj.getClass(), "iterator()", info);
        return null;
    }

    private void check(Class<?> target, Method method, Info info) {
        if (!allowlist.allows(target, method)) {
            refuse(method.getDeclaringClass(), VelocityAllowlist.describe(method.getDeclaringClass(), method)
                    .substring(method.getDeclaringClass().getName().length() + 1), info);
        }
    }

    private static void refuse(Class<?> type, String method, Info info) {
        String where = info == null ? "" : " (" + info.getTemplateName() + " line " + info.getLine() + ")";
        String needed = type.getName() + "#" + method;
        LOG.warning(() -> "Method needs allowlisting: " + needed + where);
        throw new NotAllowlisted("Method needs allowlisting: " + needed + where
                + "; a template may call only methods on the host's or its own plugin's velocity-allowlist");
    }
}
