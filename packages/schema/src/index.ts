export * from "./appointment/fields";
export * from "./appointment/model";
export * from "./appointment/board";
export * from "./auth";
export * from "./status";
export * from "./time";
export * from "./legacy";
export * from "./limits";
