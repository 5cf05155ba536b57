package org.hersj.fhe.openfhe.jni;

import org.bytedeco.javacpp.Loader;

/**
 * Loads the JNI library of the shim (and, before it, OpenFHE's core, binfhe and pke libraries, which
 * the JavaCPP plugin copied next to it) once, turning a failure into a message that says what to do.
 */
public final class OpenFheLibrary {
    private static volatile String failure;
    private static volatile boolean loaded;

    private OpenFheLibrary() {}

    /**
     * Loads the native libraries if not done yet.
     *
     * @throws IllegalStateException if they cannot be loaded, with the reason and the fix
     */
    public static synchronized void requireLoaded() {
        if (loaded) {
            return;
        }
        if (failure == null) {
            try {
                Loader.load(OpenFheShim.class);
                loaded = true;
                return;
            } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
                failure = e.toString();
            }
        }
        throw new IllegalStateException("OpenFHE native library not loadable (" + failure + "); rebuild with"
                + " -Dopenfhe.home=<OpenFHE install prefix> on this machine, or use fhe.backend: java");
    }
}
