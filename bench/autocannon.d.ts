// The part of autocannon 9's API the benchmark uses (the package ships no types).
declare module "autocannon" {
  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      sampleInt?: number;
      timeout?: number;
      setupClient?: (client: Client) => void;
    }
    interface Client {
      setRequests(requests: object[]): void;
      on(event: "response", listener: (status: number, bytes: number, ms: number) => void): void;
    }
    interface Result {
      non2xx: number;
      errors: number;
      timeouts: number;
    }
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
