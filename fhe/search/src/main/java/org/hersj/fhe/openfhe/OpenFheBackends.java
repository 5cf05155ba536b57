package org.hersj.fhe.openfhe;

import java.lang.reflect.InvocationTargetException;

/**
 * Finds the optional OpenFHE backend at run time, so configurations can ask for
 * {@code fhe.backend: openfhe} while the default build knows nothing of OpenFHE.
 */
public final class OpenFheBackends {
    /** Class name of the provider in the {@code openfhe} module. */
    public static final String PROVIDER_CLASS = "org.hersj.fhe.openfhe.jni.OpenFheProvider";

    /** What to do when the backend is missing; part of every {@link OpenFheUnavailableException}. */
    public static final String HOW_TO_ENABLE = "install OpenFHE (https://openfhe-development.readthedocs.io),"
            + " build HERS-J with 'mvn -Dopenfhe.home=<OpenFHE install prefix> install' and put the hers-openfhe"
            + " jar on the class path; or set fhe.backend: java";

    private OpenFheBackends() {}

    /** Whether the OpenFHE backend can be used in this JVM (module present, native library loadable). */
    public static boolean isAvailable() {
        try {
            provider();
            return true;
        } catch (OpenFheUnavailableException e) {
            return false;
        }
    }

    /**
     * The OpenFHE backend provider.
     *
     * @throws OpenFheUnavailableException if the module is not on the class path or OpenFHE's native
     *         library cannot be loaded; the message says which and what to do
     */
    public static OpenFheBackendProvider provider() {
        return provider(PROVIDER_CLASS, OpenFheBackends.class.getClassLoader());
    }

    /** {@link #provider()} with another class name or loader (tests of the failure paths). */
    static OpenFheBackendProvider provider(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new OpenFheUnavailableException("fhe.backend 'openfhe' was requested, but the OpenFHE backend"
                    + " (class " + className + ", module hers-openfhe) is not on the class path: " + HOW_TO_ENABLE, e);
        } catch (LinkageError e) {
            throw nativeFailure(className, e);
        }
        if (!OpenFheBackendProvider.class.isAssignableFrom(type)) {
            throw new OpenFheUnavailableException("class " + className + " does not implement "
                    + OpenFheBackendProvider.class.getName() + "; the hers-openfhe jar does not match this build: "
                    + HOW_TO_ENABLE, null);
        }
        try {
            return (OpenFheBackendProvider) type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw nativeFailure(className, e.getCause());
        } catch (LinkageError e) {
            throw nativeFailure(className, e);
        } catch (ReflectiveOperationException e) {
            throw new OpenFheUnavailableException("cannot instantiate " + className + " (" + e + "): "
                    + HOW_TO_ENABLE, e);
        }
    }

    private static OpenFheUnavailableException nativeFailure(String className, Throwable cause) {
        return new OpenFheUnavailableException("fhe.backend 'openfhe' was requested and " + className
                + " is present, but OpenFHE's native library could not be loaded (" + cause + "): " + HOW_TO_ENABLE,
                cause);
    }
}
