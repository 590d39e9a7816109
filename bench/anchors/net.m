% Anchor for bench/anchors.ts: the 1000-neuron network code of [2003] (Izhikevich's published
% MATLAB code), with Ne and Ni as arguments and the weights scaled by 800/Ne and 200/Ni as izhikit
% does by default. Prints the time of the 1000 ms loop in ms and the mean rate in Hz.
function net(Ne, Ni)
  re=rand(Ne,1);          ri=rand(Ni,1);
  a=[0.02*ones(Ne,1);     0.02+0.08*ri];
  b=[0.2*ones(Ne,1);      0.25-0.05*ri];
  c=[-65+15*re.^2;        -65*ones(Ni,1)];
  d=[8-6*re.^2;           2*ones(Ni,1)];
  S=[0.5*rand(Ne+Ni,Ne)*(800/Ne),  -rand(Ne+Ni,Ni)*(200/Ni)];
  v=-65*ones(Ne+Ni,1);
  u=b.*v;
  count=0;
  tic;
  for t=1:1000
    I=[5*randn(Ne,1);2*randn(Ni,1)];
    fired=find(v>=30);
    count=count+numel(fired);
    v(fired)=c(fired);
    u(fired)=u(fired)+d(fired);
    I=I+sum(S(:,fired),2);
    v=v+0.5*(0.04*v.^2+5*v+140-u+I);
    v=v+0.5*(0.04*v.^2+5*v+140-u+I);
    u=u+a.*(b.*v-u);
  end
  elapsed=toc*1000;
  printf('%.1f %.2f\n', elapsed, count/(Ne+Ni));
end
