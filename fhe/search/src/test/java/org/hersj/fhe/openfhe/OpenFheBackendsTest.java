package org.hersj.fhe.openfhe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ServerBackend;
import org.junit.jupiter.api.Test;

/** The default build's failure paths when the OpenFHE backend is asked for but cannot be used. */
class OpenFheBackendsTest {
    private static final ClassLoader LOADER = OpenFheBackendsTest.class.getClassLoader();

    @Test
    void missingModuleIsReportedWithTheFix() {
        // The fhe module never has hers-openfhe on its class path, so this is the real default-build path.
        assertFalse(OpenFheBackends.isAvailable());
        OpenFheUnavailableException e = assertThrows(OpenFheUnavailableException.class, OpenFheBackends::provider);
        assertTrue(e.getMessage().contains("not on the class path"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dopenfhe.home="), e.getMessage());
        assertTrue(e.getMessage().contains("fhe.backend: java"), e.getMessage());
        assertInstanceOf(ClassNotFoundException.class, e.getCause());
    }

    @Test
    void nativeLibraryFailureInConstructorIsReported() {
        OpenFheUnavailableException e = assertThrows(OpenFheUnavailableException.class,
                () -> OpenFheBackends.provider(NativeMissingProvider.class.getName(), LOADER));
        assertTrue(e.getMessage().contains("native library could not be loaded"), e.getMessage());
        assertTrue(e.getMessage().contains("no jniOpenFheShim"), e.getMessage());
        assertInstanceOf(UnsatisfiedLinkError.class, e.getCause());
    }

    @Test
    void nativeLibraryFailureInStaticInitialiserIsReported() {
        OpenFheUnavailableException e = assertThrows(OpenFheUnavailableException.class,
                () -> OpenFheBackends.provider(StaticLoadFailureProvider.class.getName(), LOADER));
        assertTrue(e.getMessage().contains("native library could not be loaded"), e.getMessage());
        assertTrue(e.getMessage().contains("libOPENFHEpke.so.1"), e.getMessage());
    }

    @Test
    void classOfTheWrongTypeIsRefused() {
        OpenFheUnavailableException e = assertThrows(OpenFheUnavailableException.class,
                () -> OpenFheBackends.provider(String.class.getName(), LOADER));
        assertTrue(e.getMessage().contains("does not implement"), e.getMessage());
    }

    /** Stands in for the real provider on a machine whose JNI library is missing. */
    public static final class NativeMissingProvider extends UnusedProvider {
        /** Fails as JavaCPP's loader does when the JNI library is absent. */
        public NativeMissingProvider() {
            throw new UnsatisfiedLinkError("no jniOpenFheShim in java.library.path");
        }
    }

    /** Stands in for a provider whose class initialiser loads a library that is not there. */
    public static final class StaticLoadFailureProvider extends UnusedProvider {
        static {
            if (Boolean.parseBoolean("true")) {
                throw new UnsatisfiedLinkError("libOPENFHEpke.so.1: cannot open shared object file");
            }
        }
    }

    /** A provider whose methods are never reached (its construction fails first). */
    abstract static class UnusedProvider implements OpenFheBackendProvider {
        @Override
        public OpenFheBackendSet generate(CkksParametersLiteral parameters, OpenFheSettings settings,
                int... rotationSteps) {
            throw new AssertionError("never constructed");
        }

        @Override
        public void writeKeys(OpenFheBackendSet keys, Path dir) {
            throw new AssertionError("never constructed");
        }

        @Override
        public ClientBackend loadClient(Path dir) {
            throw new AssertionError("never constructed");
        }

        @Override
        public EncryptionBackend loadEnroller(Path dir) {
            throw new AssertionError("never constructed");
        }

        @Override
        public ServerBackend loadServer(Path dir) {
            throw new AssertionError("never constructed");
        }
    }
}
