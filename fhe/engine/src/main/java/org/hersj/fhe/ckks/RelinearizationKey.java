package org.hersj.fhe.ckks;

/** The relinearisation key: a switching key from s^2 to s. Public (server side). */
public final class RelinearizationKey {
    private final SwitchingKey key;

    /** @param key switching key from s^2 to s */
    public RelinearizationKey(SwitchingKey key) {
        this.key = key;
    }

    /** @return the switching key */
    public SwitchingKey switchingKey() {
        return key;
    }
}
