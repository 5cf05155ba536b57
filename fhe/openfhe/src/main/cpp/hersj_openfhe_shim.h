// HERS-J: a small C++ shim over OpenFHE's CKKS API, bound to Java with JavaCPP
// (see org.hersj.fhe.openfhe.jni.OpenFheShim). Written for this project; it only calls OpenFHE's
// public API (openfhe.h) and holds no OpenFHE code.
//
// Design:
//  - Every Java-visible type is a plain class with a default constructor, so JavaCPP can allocate it
//    and free it when the Java object is released. Operations write into an `out` argument, the
//    same shape as our engine's `op(a, b, out)`.
//  - Errors are C++ exceptions (OpenFHE's own or std::invalid_argument); JavaCPP turns them into
//    java.lang.RuntimeException with the message, which the Java layer rewraps.
//  - OpenMP: OpenFHE sizes its parallel loops with num_threads(min(n, machineThreads)), where
//    machineThreads is read once, when libOPENFHEcore loads (all cores when OMP_NUM_THREADS is unset),
//    so omp_set_num_threads alone does not limit it. Context::init therefore replaces OpenFHE's global
//    ParallelControls by one constructed while the calling thread's limit is ompThreads (default 1:
//    one OpenMP thread per Java thread; with all cores, every operation was measured 10-50x slower
//    on a busy 2-core machine). The limit is process-wide; every entry point also pins the calling
//    thread's own OpenMP team size.
//  - Randomness: built with OpenMP, OpenFHE keeps ONE process-wide PRNG and does not lock it (it
//    parallelises inside operations, not across callers). Java threads calling in concurrently would
//    race on it, so every call that samples (key generation, encryption, decryption, whose decoding
//    adds noise) holds one process-wide lock here. Evaluation (products, relinearisation, rescaling,
//    rotation) samples nothing and runs concurrently.
//  - Levels are OpenFHE's: 0 is a fresh ciphertext, each rescale adds one.
#ifndef HERSJ_OPENFHE_SHIM_H
#define HERSJ_OPENFHE_SHIM_H

#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <omp.h>

#include "openfhe.h"
#include "ciphertext-ser.h"
#include "cryptocontext-ser.h"
#include "key/key-ser.h"
#include "scheme/ckksrns/ckksrns-ser.h"

namespace hersj {

using OfCryptoContext = lbcrypto::CryptoContext<lbcrypto::DCRTPoly>;

/** Limits OpenFHE's OpenMP threads per operation, process-wide (see the file comment). */
inline void limitOpenFheThreads(int threads) {
    static std::mutex lock;
    std::lock_guard<std::mutex> guard(lock);
    omp_set_num_threads(threads);
    lbcrypto::OpenFHEParallelControls = lbcrypto::ParallelControls();  // reads omp_get_max_threads()
}

/** Serialises every call into OpenFHE that draws from its shared PRNG (see the file comment). */
inline std::mutex& randomnessLock() {
    static std::mutex lock;
    return lock;
}
using OfCiphertextPtr = lbcrypto::Ciphertext<lbcrypto::DCRTPoly>;

/** Bytes produced by serialisation; Java copies them out through data() and size(). */
class Bytes {
public:
    std::string buffer;
    const char* data() const { return buffer.data(); }
    long long size() const { return static_cast<long long>(buffer.size()); }
};

/** One CKKS ciphertext (empty until an operation writes into it). */
class Ciphertext {
public:
    OfCiphertextPtr ct;
    bool isEmpty() const { return !ct; }
    /** Drops the content: the next multiplyAccumulate into this ciphertext starts a new sum. */
    void reset() { ct = nullptr; }
    /** Degree: 1 for a fresh ciphertext, 2 after a product that was not relinearised. */
    int degree() const { return static_cast<int>(require().NumberCiphertextElements()) - 1; }
    /** OpenFHE level: number of rescales applied so far (0 when fresh). */
    int level() const { return static_cast<int>(require().GetLevel()); }
    /** Scale as OpenFHE tracks it (2^scaleBits when fresh). */
    double scale() const { return require().GetScalingFactor(); }
    /** Number of RNS limbs of the ciphertext modulus still present. */
    int limbCount() const {
        return static_cast<int>(require().GetElements().at(0).GetParams()->GetParams().size());
    }

private:
    const lbcrypto::CiphertextImpl<lbcrypto::DCRTPoly>& require() const {
        if (!ct) throw std::invalid_argument("ciphertext is empty: no operation has written into it yet");
        return *ct;
    }
};

class Context;

/**
 * The key owner's keys: secret and public key. Generating them also registers the relinearisation
 * key (and any rotation keys) with the context, which is where OpenFHE keeps evaluation keys.
 */
class KeyPair {
public:
    lbcrypto::KeyPair<lbcrypto::DCRTPoly> keys;
    bool isEmpty() const { return !keys.publicKey; }
    bool hasSecretKey() const { return static_cast<bool>(keys.secretKey); }
    /** Copies only the public key into out (what an enroller or a server may hold). */
    void copyPublicKey(KeyPair& out) const {
        if (!keys.publicKey) throw std::invalid_argument("key pair is empty: call keyGen first");
        out.keys.publicKey = keys.publicKey;
        out.keys.secretKey = nullptr;
    }
};

/** A CKKS crypto context built from HERS-J's parameter literal. Holds no secret. */
class Context {
public:
    Context() {}

    /**
     * Builds the context. securityBits is 128, 192 or 256 (HE standard, classical, ternary secret) or
     * 0 for "not set" (insecure parameters the caller explicitly allowed). hybridKeySwitching selects
     * HYBRID key switching (OpenFHE picks its own 60-bit special primes) instead of BV; bvDigitBits is
     * BV's decomposition base in bits (0: one digit per RNS limb, larger relinearisation noise).
     */
    void init(int ringDim, int multDepth, int firstModBits, int scaleBits, int securityBits,
              bool hybridKeySwitching, int bvDigitBits, int ompThreads) {
        if (ompThreads < 1) throw std::invalid_argument("ompThreads must be >= 1, got " + std::to_string(ompThreads));
        threads = ompThreads;
        limitOpenFheThreads(threads);
        lbcrypto::CCParams<lbcrypto::CryptoContextCKKSRNS> p;
        p.SetRingDim(static_cast<uint32_t>(ringDim));
        p.SetBatchSize(static_cast<uint32_t>(ringDim / 2));
        p.SetMultiplicativeDepth(static_cast<uint32_t>(multDepth));
        p.SetFirstModSize(static_cast<uint32_t>(firstModBits));
        p.SetScalingModSize(static_cast<uint32_t>(scaleBits));
        p.SetScalingTechnique(lbcrypto::FIXEDMANUAL);
        p.SetKeySwitchTechnique(hybridKeySwitching ? lbcrypto::HYBRID : lbcrypto::BV);
        if (!hybridKeySwitching) p.SetDigitSize(static_cast<uint32_t>(bvDigitBits));
        p.SetSecretKeyDist(lbcrypto::UNIFORM_TERNARY);
        p.SetSecurityLevel(securityLevel(securityBits));
        cc = lbcrypto::GenCryptoContext(p);
        cc->Enable(lbcrypto::PKE);
        cc->Enable(lbcrypto::KEYSWITCH);
        cc->Enable(lbcrypto::LEVELEDSHE);
    }

    int ringDimension() const { return static_cast<int>(require()->GetRingDimension()); }
    int slots() const { return ringDimension() / 2; }
    /** Number of primes in the ciphertext modulus Q. */
    int qCount() const { return static_cast<int>(require()->GetElementParams()->GetParams().size()); }
    /** The i-th prime of Q (fits a signed 64-bit value: OpenFHE's primes are below 2^60). */
    long long qModulus(int i) const {
        return static_cast<long long>(
            require()->GetElementParams()->GetParams().at(static_cast<size_t>(i))->GetModulus().ConvertToInt());
    }
    /** log2 of Q*P (P only with HYBRID key switching), as OpenFHE counts it. */
    double logQP() const {
        auto params = std::dynamic_pointer_cast<lbcrypto::CryptoParametersRNS>(require()->GetCryptoParameters());
        double bits = params->GetElementParams()->GetModulus().GetMSB();
        if (params->GetKeySwitchTechnique() == lbcrypto::HYBRID) bits = params->GetParamsQP()->GetModulus().GetMSB();
        return bits;
    }

    /** Generates a key pair and its relinearisation key (registered with this context). */
    void keyGen(KeyPair& out) {
        pinThreads();
        std::lock_guard<std::mutex> guard(randomnessLock());
        out.keys = require()->KeyGen();
        if (!out.keys.good()) throw std::runtime_error("OpenFHE KeyGen returned an incomplete key pair");
        require()->EvalMultKeyGen(out.keys.secretKey);
    }

    /** Generates rotation keys for the given steps (registered with this context). */
    void rotationKeyGen(const KeyPair& keys, const int* steps, int count) {
        pinThreads();
        std::lock_guard<std::mutex> guard(randomnessLock());
        requireSecret(keys);
        std::vector<int32_t> list(steps, steps + count);
        require()->EvalRotateKeyGen(keys.keys.secretKey, list);
    }

    /** Encrypts count values (count <= slots, the rest are zero) at the given OpenFHE level. */
    void encrypt(const KeyPair& keys, const double* values, int count, int level, Ciphertext& out) {
        pinThreads();
        requireKeys(keys);
        if (level < 0 || level >= qCount())
            throw std::invalid_argument("OpenFHE level " + std::to_string(level) + " outside 0.." +
                                        std::to_string(qCount() - 1));
        if (count < 1 || count > slots())
            throw std::invalid_argument("value count " + std::to_string(count) + " outside 1.." +
                                        std::to_string(slots()));
        std::vector<double> v(values, values + count);
        auto pt = require()->MakeCKKSPackedPlaintext(v, 1, static_cast<uint32_t>(level));
        std::lock_guard<std::mutex> guard(randomnessLock());
        out.ct = require()->Encrypt(keys.keys.publicKey, pt);
    }

    /** Encrypts one value replicated in every slot. */
    void encryptReplicated(const KeyPair& keys, double value, int level, Ciphertext& out) {
        std::vector<double> v(static_cast<size_t>(slots()), value);
        encrypt(keys, v.data(), slots(), level, out);
    }

    /** out = a * b, relinearised (degree 1). */
    void multiply(const Ciphertext& a, const Ciphertext& b, Ciphertext& out) {
        pinThreads();
        out.ct = require()->EvalMult(nonEmpty(a), nonEmpty(b));
    }

    /** out = a * b without relinearisation (degree 2). */
    void multiplyNoRelin(const Ciphertext& a, const Ciphertext& b, Ciphertext& out) {
        pinThreads();
        out.ct = require()->EvalMultNoRelin(nonEmpty(a), nonEmpty(b));
    }

    /** acc += a * b without relinearisation; an empty acc becomes a * b. */
    void multiplyAccumulate(const Ciphertext& a, const Ciphertext& b, Ciphertext& acc) {
        pinThreads();
        auto product = require()->EvalMultNoRelin(nonEmpty(a), nonEmpty(b));
        if (!acc.ct) {
            acc.ct = product;
        }
        else {
            require()->EvalAddInPlace(acc.ct, product);
        }
    }

    /** acc += a * value (a clear number encoded at the default scale); an empty acc becomes a * value. */
    void multiplyConstAccumulate(const Ciphertext& a, double value, Ciphertext& acc) {
        pinThreads();
        auto product = require()->EvalMult(nonEmpty(a), value);
        if (!acc.ct) {
            acc.ct = product;
        }
        else {
            require()->EvalAddInPlace(acc.ct, product);
        }
    }

    /** out = a + b. */
    void add(const Ciphertext& a, const Ciphertext& b, Ciphertext& out) {
        pinThreads();
        out.ct = require()->EvalAdd(nonEmpty(a), nonEmpty(b));
    }

    /**
     * a += a plaintext of count values (real parts, count <= slots, the rest zero) encoded at a's level and
     * noise degree, so its scale matches: the server's blinding of a stage-2 response's non-score slots.
     */
    void addPlainValues(Ciphertext& a, const double* values, int count) {
        pinThreads();
        if (count < 1 || count > slots())
            throw std::invalid_argument("value count " + std::to_string(count) + " outside 1.." +
                                        std::to_string(slots()));
        const auto& ct = nonEmpty(a);
        std::vector<double> v(values, values + count);
        auto pt = require()->MakeCKKSPackedPlaintext(v, ct->GetNoiseScaleDeg(), ct->GetLevel());
        a.ct = require()->EvalAdd(ct, pt);
    }

    /** out = relinearise(a) (degree 2 -> 1). */
    void relinearize(const Ciphertext& a, Ciphertext& out) {
        pinThreads();
        out.ct = require()->Relinearize(nonEmpty(a));
    }

    /** out = rescale(a): divides by the last prime, level + 1. */
    void rescale(const Ciphertext& a, Ciphertext& out) {
        pinThreads();
        out.ct = require()->Rescale(nonEmpty(a));
    }

    /** out = a rotated left by steps slots (needs a rotation key for steps). */
    void rotate(const Ciphertext& a, int steps, Ciphertext& out) {
        pinThreads();
        out.ct = require()->EvalRotate(nonEmpty(a), steps);
    }

    /** Decrypts and decodes the first count slots into out (real parts). */
    void decrypt(const KeyPair& keys, const Ciphertext& a, double* out, int count) {
        pinThreads();
        requireSecret(keys);
        if (count < 1 || count > slots())
            throw std::invalid_argument("slot count " + std::to_string(count) + " outside 1.." +
                                        std::to_string(slots()));
        lbcrypto::Plaintext pt;
        {
            std::lock_guard<std::mutex> guard(randomnessLock());
            require()->Decrypt(keys.keys.secretKey, nonEmpty(a), &pt);
        }
        pt->SetLength(static_cast<size_t>(count));
        const std::vector<double> values = pt->GetRealPackedValue();
        for (int i = 0; i < count; i++) out[i] = values.at(static_cast<size_t>(i));
    }

    /** Serialises a ciphertext with OpenFHE's binary format (cereal). */
    void serialize(const Ciphertext& a, Bytes& out) const {
        std::ostringstream stream;
        lbcrypto::Serial::Serialize(nonEmpty(a), stream, lbcrypto::SerType::BINARY);
        out.buffer = stream.str();
    }

    /** Serialises the public key of a key pair (OpenFHE binary format). */
    void serializePublicKey(const KeyPair& keys, Bytes& out) const {
        requireKeys(keys);
        std::ostringstream stream;
        lbcrypto::Serial::Serialize(keys.keys.publicKey, stream, lbcrypto::SerType::BINARY);
        out.buffer = stream.str();
    }

    /** Reads a ciphertext written by serialize(); throws on anything else. */
    void deserialize(const char* data, long long size, Ciphertext& out) const {
        if (size <= 0) throw std::invalid_argument("no bytes to deserialise");
        std::istringstream stream(std::string(data, static_cast<size_t>(size)));
        OfCiphertextPtr ct;
        lbcrypto::Serial::Deserialize(ct, stream, lbcrypto::SerType::BINARY);
        if (!ct) throw std::runtime_error("OpenFHE deserialisation produced no ciphertext");
        if (ct->GetCryptoContext() != cc)
            throw std::invalid_argument("ciphertext was made under a different OpenFHE crypto context");
        out.ct = ct;
    }

    /** Bytes of a raw payload: a 24-byte header, then (degree + 1) x limbs x N residues of 8 bytes. */
    long long rawSize(int degree, int limbs) const {
        return 24 + static_cast<long long>(degree + 1) * limbs * ringDimension() * 8;
    }

    /**
     * Writes a ciphertext raw (no cereal): scale (8 bytes), noise degree, level, degree and limb count (4 each),
     * then every residue of every polynomial in OpenFHE's evaluation (NTT) form, little-endian 64-bit words.
     */
    void writeRaw(const Ciphertext& a, char* out, long long capacity) const {
        const auto& ct = nonEmpty(a);
        const auto& elements = ct->GetElements();
        int degree = static_cast<int>(elements.size()) - 1;
        int limbs = static_cast<int>(elements.at(0).GetAllElements().size());
        if (rawSize(degree, limbs) > capacity)
            throw std::invalid_argument("raw ciphertext of " + std::to_string(rawSize(degree, limbs)) +
                                        " bytes does not fit " + std::to_string(capacity));
        double scale = ct->GetScalingFactor();
        int32_t header[4] = {static_cast<int32_t>(ct->GetNoiseScaleDeg()), static_cast<int32_t>(ct->GetLevel()),
                             degree, limbs};
        std::memcpy(out, &scale, 8);
        std::memcpy(out + 8, header, 16);
        char* at = out + 24;
        for (const auto& element : elements) {
            for (const auto& tower : element.GetAllElements()) {
                const auto& values = tower.GetValues();
                for (usint k = 0; k < values.GetLength(); k++) {
                    uint64_t x = values[k].ConvertToInt();
                    std::memcpy(at, &x, 8);
                    at += 8;
                }
            }
        }
    }

    /**
     * Reads a ciphertext written by writeRaw into a copy of templ (a ciphertext of the same degree and level of
     * this context, for the parameters and key tag); every residue must be below its prime.
     */
    void readRaw(const char* data, long long size, const Ciphertext& templ, Ciphertext& out) const {
        const auto& model = nonEmpty(templ);
        if (size < 24) throw std::invalid_argument("raw ciphertext payload shorter than its header");
        double scale;
        int32_t header[4];
        std::memcpy(&scale, data, 8);
        std::memcpy(header, data + 8, 16);
        int degree = static_cast<int>(model->GetElements().size()) - 1;
        int limbs = static_cast<int>(model->GetElements().at(0).GetAllElements().size());
        if (header[2] != degree || header[3] != limbs)
            throw std::invalid_argument("raw ciphertext of degree " + std::to_string(header[2]) + " with " +
                                        std::to_string(header[3]) + " limbs where degree " + std::to_string(degree) +
                                        " with " + std::to_string(limbs) + " was expected");
        if (rawSize(degree, limbs) > size) throw std::invalid_argument("raw ciphertext payload truncated");
        if (!(scale >= 1) || header[0] < 1 || header[0] > 2 || header[1] < 0)
            throw std::invalid_argument("raw ciphertext header damaged (scale, noise degree or level)");
        auto ct = model->Clone();
        const char* at = data + 24;
        for (auto& element : ct->GetElements()) {
            for (auto& tower : element.GetAllElements()) {
                uint64_t q = tower.GetModulus().ConvertToInt();
                for (usint k = 0; k < tower.GetLength(); k++) {
                    uint64_t x;
                    std::memcpy(&x, at, 8);
                    at += 8;
                    if (x >= q) throw std::invalid_argument("raw ciphertext residue not below its prime: damaged data");
                    tower[k] = x;
                }
            }
        }
        ct->SetScalingFactor(scale);
        ct->SetNoiseScaleDeg(static_cast<size_t>(header[0]));
        ct->SetLevel(static_cast<size_t>(header[1]));
        out.ct = ct;
    }

    /** Serialised size of the relinearisation keys, in bytes (what a server must receive). */
    long long evaluationKeyBytes(const KeyPair& keys) const {
        Bytes mult;
        serializeRelinearizationKey(keys, mult);
        return mult.size();
    }

    // ---- Key files: context, keys and evaluation keys in OpenFHE's binary format ----

    /** Serialises this context (scheme, parameters, primes). */
    void serializeContext(Bytes& out) const {
        std::ostringstream stream;
        lbcrypto::Serial::Serialize(require(), stream, lbcrypto::SerType::BINARY);
        out.buffer = stream.str();
    }

    /** Instead of init(): reads a context written by serializeContext(). */
    void initFromBytes(const char* data, long long size, int ompThreads) {
        if (ompThreads < 1) throw std::invalid_argument("ompThreads must be >= 1, got " + std::to_string(ompThreads));
        threads = ompThreads;
        limitOpenFheThreads(threads);
        std::istringstream stream(bytes(data, size, "crypto context"));
        OfCryptoContext read;
        lbcrypto::Serial::Deserialize(read, stream, lbcrypto::SerType::BINARY);
        if (!read) throw std::runtime_error("OpenFHE deserialisation produced no crypto context");
        cc = read;
        cc->Enable(lbcrypto::PKE);
        cc->Enable(lbcrypto::KEYSWITCH);
        cc->Enable(lbcrypto::LEVELEDSHE);
    }

    /** Serialises the secret key of a key pair. */
    void serializeSecretKey(const KeyPair& keys, Bytes& out) const {
        requireSecret(keys);
        std::ostringstream stream;
        lbcrypto::Serial::Serialize(keys.keys.secretKey, stream, lbcrypto::SerType::BINARY);
        out.buffer = stream.str();
    }

    /** Reads a public key and, if secretSize > 0, a secret key of this context into out. */
    void readKeys(const char* publicData, long long publicSize, const char* secretData, long long secretSize,
                  KeyPair& out) const {
        lbcrypto::PublicKey<lbcrypto::DCRTPoly> pk;
        std::istringstream ps(bytes(publicData, publicSize, "public key"));
        lbcrypto::Serial::Deserialize(pk, ps, lbcrypto::SerType::BINARY);
        if (!pk || pk->GetCryptoContext() != require())
            throw std::invalid_argument("public key does not belong to this OpenFHE crypto context");
        lbcrypto::PrivateKey<lbcrypto::DCRTPoly> sk;
        if (secretSize > 0) {
            std::istringstream ss(bytes(secretData, secretSize, "secret key"));
            lbcrypto::Serial::Deserialize(sk, ss, lbcrypto::SerType::BINARY);
            if (!sk || sk->GetCryptoContext() != require())
                throw std::invalid_argument("secret key does not belong to this OpenFHE crypto context");
            if (sk->GetKeyTag() != pk->GetKeyTag())
                throw std::invalid_argument("secret key and public key are of different key pairs");
        }
        out.keys.publicKey = pk;
        out.keys.secretKey = sk;
    }

    /** Serialises the relinearisation key registered for this key pair. */
    void serializeRelinearizationKey(const KeyPair& keys, Bytes& out) const {
        requireKeys(keys);
        std::ostringstream stream;
        if (!require()->SerializeEvalMultKey(stream, lbcrypto::SerType::BINARY, keys.keys.publicKey->GetKeyTag()))
            throw std::runtime_error("OpenFHE has no relinearisation key for this key pair");
        out.buffer = stream.str();
    }

    /** Serialises the rotation keys registered for this key pair (empty if there are none). */
    void serializeRotationKeys(const KeyPair& keys, Bytes& out) const {
        requireKeys(keys);
        std::ostringstream stream;
        const std::string tag = keys.keys.publicKey->GetKeyTag();
        const auto& all = lbcrypto::CryptoContextImpl<lbcrypto::DCRTPoly>::GetAllEvalAutomorphismKeys();
        if (all.find(tag) == all.end()) {
            out.buffer.clear();
            return;
        }
        if (!require()->SerializeEvalAutomorphismKey(stream, lbcrypto::SerType::BINARY, tag))
            throw std::runtime_error("OpenFHE could not serialise the rotation keys");
        out.buffer = stream.str();
    }

    /**
     * Registers evaluation keys read from serializeRelinearizationKey / serializeRotationKeys bytes for the
     * key pair keys (rotSize 0: none). Keys already registered in this process for the same key pair
     * (OpenFHE keeps them in a process-wide map by key tag) are kept as they are.
     */
    void readEvaluationKeys(const KeyPair& keys, const char* multData, long long multSize, const char* rotData,
                            long long rotSize) const {
        requireKeys(keys);
        using Impl = lbcrypto::CryptoContextImpl<lbcrypto::DCRTPoly>;
        const std::string tag = keys.keys.publicKey->GetKeyTag();
        if (Impl::GetAllEvalMultKeys().find(tag) == Impl::GetAllEvalMultKeys().end()) {
            std::istringstream ms(bytes(multData, multSize, "relinearisation key"));
            if (!Impl::DeserializeEvalMultKey(ms, lbcrypto::SerType::BINARY))
                throw std::runtime_error("OpenFHE could not read the relinearisation key");
            if (Impl::GetAllEvalMultKeys().find(tag) == Impl::GetAllEvalMultKeys().end())
                throw std::invalid_argument("the relinearisation key belongs to another key pair");
        }
        if (rotSize > 0 && Impl::GetAllEvalAutomorphismKeys().find(tag) == Impl::GetAllEvalAutomorphismKeys().end()) {
            std::istringstream rs(bytes(rotData, rotSize, "rotation keys"));
            if (!Impl::DeserializeEvalAutomorphismKey(rs, lbcrypto::SerType::BINARY))
                throw std::runtime_error("OpenFHE could not read the rotation keys");
        }
    }

private:
    OfCryptoContext cc;
    int threads = 1;

    void pinThreads() const {
        if (omp_get_max_threads() != threads) omp_set_num_threads(threads);
    }
    const OfCryptoContext& require() const {
        if (!cc) throw std::invalid_argument("OpenFHE context is not initialised: call init first");
        return cc;
    }
    static std::string bytes(const char* data, long long size, const char* what) {
        if (data == nullptr || size <= 0) throw std::invalid_argument(std::string("no bytes for the ") + what);
        return std::string(data, static_cast<size_t>(size));
    }
    static const OfCiphertextPtr& nonEmpty(const Ciphertext& c) {
        if (!c.ct) throw std::invalid_argument("ciphertext is empty: no operation has written into it yet");
        return c.ct;
    }
    static void requireKeys(const KeyPair& k) {
        if (!k.keys.publicKey) throw std::invalid_argument("key pair is empty: call keyGen first");
    }
    static void requireSecret(const KeyPair& k) {
        if (!k.keys.secretKey) throw std::invalid_argument("this key pair holds no secret key (public key only)");
    }
    static lbcrypto::SecurityLevel securityLevel(int bits) {
        switch (bits) {
            case 0:
                return lbcrypto::HEStd_NotSet;
            case 128:
                return lbcrypto::HEStd_128_classic;
            case 192:
                return lbcrypto::HEStd_192_classic;
            case 256:
                return lbcrypto::HEStd_256_classic;
            default:
                throw std::invalid_argument("security bits must be 0, 128, 192 or 256, got " + std::to_string(bits));
        }
    }
};

/** The most OpenMP threads OpenFHE will use inside one operation. */
inline int openFheThreadLimit() {
    return lbcrypto::OpenFHEParallelControls.GetThreadLimit(1 << 30);
}

/** Sets OpenFHE's OpenMP threads per operation, process-wide (as Context::init does). */
inline void setOpenMpThreads(int n) {
    if (n < 1) throw std::invalid_argument("OpenMP threads must be >= 1");
    limitOpenFheThreads(n);
}

}  // namespace hersj

#endif  // HERSJ_OPENFHE_SHIM_H
