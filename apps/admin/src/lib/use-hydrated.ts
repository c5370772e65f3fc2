import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False while the server's HTML is on screen but React has not yet taken this part of the page over
 * (a streamed page hydrates after the shell), true from then on. A form is disabled until then:
 * react-hook-form writes its defaults into the inputs as it attaches, which would overwrite, or
 * append to, whatever was typed into the server-rendered fields first.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
