"use client";
/**
 * The dialog (Radix), fetched when a page first opens one rather than with
 * the page: render it only while open. Pages whose dialog opens on its own
 * (the conflict view) load that whole view lazily instead.
 */
import dynamic from "next/dynamic";

export const LazyDialog = dynamic(() => import("./dialog").then((module) => module.Dialog), { ssr: false });
