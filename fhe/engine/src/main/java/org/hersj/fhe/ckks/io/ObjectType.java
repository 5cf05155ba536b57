package org.hersj.fhe.ckks.io;

/** Type tags of framed objects; the numeric tag is part of the format and never changes. */
public enum ObjectType {
    /** {@link org.hersj.fhe.ckks.CkksParameters}. */
    PARAMETERS(1),
    /** {@link org.hersj.fhe.ckks.SecretKey}. */
    SECRET_KEY(2),
    /** {@link org.hersj.fhe.ckks.PublicKey}. */
    PUBLIC_KEY(3),
    /** {@link org.hersj.fhe.ckks.RelinearizationKey}. */
    RELINEARIZATION_KEY(4),
    /** {@link org.hersj.fhe.ckks.GaloisKeys}. */
    GALOIS_KEYS(5),
    /** {@link org.hersj.fhe.ckks.Plaintext}. */
    PLAINTEXT(6),
    /** {@link org.hersj.fhe.ckks.Ciphertext}. */
    CIPHERTEXT(7);

    private final int tag;

    ObjectType(int tag) {
        this.tag = tag;
    }

    /** @return the byte written in the frame header */
    public int tag() {
        return tag;
    }

    static ObjectType ofTag(int tag) {
        for (ObjectType t : values()) {
            if (t.tag == tag) {
                return t;
            }
        }
        return null;
    }
}
