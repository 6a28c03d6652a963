import nock from 'nock';

// Tests never reach the network; loopback stays open for the local fakes (dynalite, s3rver, GitHub stand-in).
nock.disableNetConnect();
nock.enableNetConnect((host) => /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host));

afterEach(() => {
  nock.cleanAll();
});

// nock patches Node's shared http modules; undo it per file so one file's interceptors never
// swallow the next file's requests inside the same jest worker.
afterAll(() => {
  nock.restore();
});
