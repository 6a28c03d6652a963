import nock from 'nock';

// Tests never reach the network; loopback stays open for the local fakes (dynalite, s3rver, GitHub stand-in).
nock.disableNetConnect();
nock.enableNetConnect((host) => /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host));

afterEach(() => {
  nock.cleanAll();
});
