# Generator checks before any training: PCA explained variance, PCA rank-1, oracle (latent) rank-1.
# Latent: identity centres uniform on S^k (in R^(k+1)), samples = normalise(centre + noise/sqrt(k+1) N(0,I)).
# Map: x = normalise(mix? W2 cos(W1 z + phase) : cos(W1 z + phase)), W1 ~ N(0, gain^2), phases uniform.
# Data: 1000 ids x 6, map seed 1; PCA fitted on ids 0-499, evaluated on ids 500-999 (gallery = first
# sample, probes = the other 5, cosine rank-1).
import numpy as np, sys
def gen(D, k, gain, ids, per, noise, seed, mix):
    r=np.random.default_rng(seed)
    W=r.normal(0,gain,(k+1,D)); ph=r.uniform(0,2*np.pi,D)
    W2=r.normal(0,1/np.sqrt(D),(D,D))
    c=r.normal(size=(ids,k+1)); c/=np.linalg.norm(c,axis=1,keepdims=True)
    z=np.repeat(c,per,0)+noise/np.sqrt(k+1)*r.normal(size=(ids*per,k+1)); z/=np.linalg.norm(z,axis=1,keepdims=True)
    x=np.cos(z@W+ph)
    if mix: x=x@W2
    x/=np.linalg.norm(x,axis=1,keepdims=True)
    return x, np.repeat(np.arange(ids),per), z
def rank1(f,lab,ids,per):
    f=f/np.linalg.norm(f,axis=1,keepdims=True)
    g=np.arange(ids)*per; p=np.setdiff1d(np.arange(len(lab)),g)
    return np.mean(lab[g][(f[p]@f[g].T).argmax(1)]==lab[p])
for D,k,gain,noise,mix in [(512,9,8/np.sqrt(10),0.3,1),(512,5,8,0.1,0),(512,5,8,0.1,1),(192,5,8,0.1,0),(1536,5,8,0.1,0)]:
    ids,per=1000,6; n=ids*per//2
    x,lab,z=gen(D,k,gain,ids,per,noise,1,mix)
    mu=x[:n].mean(0); _,s,vt=np.linalg.svd(x[:n]-mu,full_matrices=False); ev=s**2/np.sum(s**2)
    te=x[n:]; lt=lab[n:]-ids//2
    print(f"D={D} latent=S^{k} gain={gain:.2f} noise={noise} W2={mix} ev16={ev[:16].sum():.3f} ev64={ev[:64].sum():.3f}"
          f" full={rank1(te,lt,ids//2,per):.3f} oracle={rank1(z[n:],lt,ids//2,per):.3f} "
          + " ".join(f"pca{d}={rank1((te-mu)@vt[:d].T,lt,ids//2,per):.3f}" for d in (64,32,16)),flush=True)
# Cosine error (mean |cos_x - cos_f| over 20000 random held-out pairs) of PCA-16 and of the oracle, current twin.
def coserr(x,f,r):
    f=f/np.linalg.norm(f,axis=1,keepdims=True); i=r.integers(0,len(x),20000); j=r.integers(0,len(x),20000)
    return np.mean(np.abs(np.sum(x[i]*x[j],1)-np.sum(f[i]*f[j],1)))
x,lab,z=gen(512,9,8/np.sqrt(10),1000,6,0.3,1,1)
n=3000; mu=x[:n].mean(0); _,s,vt=np.linalg.svd(x[:n]-mu,full_matrices=False)
r=np.random.default_rng(5)
print("current twin: coserr pca16=%.3f oracle(latent)=%.3f" % (coserr(x[n:],(x[n:]-mu)@vt[:16].T,r), coserr(x[n:],z[n:],r)))
