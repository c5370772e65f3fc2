export * from "./appointment/fields";
export * from "./appointment/model";
export * from "./auth";
export * from "./status";
export * from "./time";
export * from "./legacy";
export * from "./limits";
export * from "./webhook";
