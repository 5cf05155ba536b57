import numpy as np
exec(open('manifold-twin-checks.py').read().split('for D,k')[0])
x,lab,z=gen(512,9,8/np.sqrt(10),1000,6,0.3,1,1); n=3000
r=np.random.default_rng(5); i=r.integers(0,3000,20000)+n; j=r.integers(0,3000,20000)+n
cx=np.sum(x[i]*x[j],1)
lt=lab[n:]-500
for g in (0.5,1,1.5,2,3):
    rr=np.random.default_rng(7); W=rr.normal(0,g,(10,8)); 
    f=np.concatenate([np.cos(z@W),np.sin(z@W)],1); f/=np.linalg.norm(f,axis=1,keepdims=True)
    print(f"16-d RFF of latent, gain {g}: coserr={np.mean(np.abs(cx-np.sum(f[i]*f[j],1))):.3f} rank1={rank1(f[n:],lt,500,6):.3f}")
