"use client";

// The one form hook: react-hook-form checked by the form's zod schema (zodResolver, the same schema
// the server action parses), the values sent to a next-safe-action server action, the use case's
// field errors placed on their fields and everything else in the form's sentence, all in the words of
// one message namespace (lib/forms/feedback.ts):
//
//   const form = useActionForm({ namespace: "leave", schema: fileLeaveSchema, defaultValues, action: fileLeaveAction,
//     onSuccess: () => { form.reset(); return form.t("form.filed"); } });
//   <form onSubmit={form.submit} noValidate>
//     <FormMessages {...form.message} />
//     <TextField error={form.fieldError("startDate")} {...form.register("startDate")} />
//
// Field error messages (the schema's and the server's) are catalogue keys of `<namespace>.errors`;
// fieldError puts one in words. The action receives the values as typed (the schema's input): the
// server parses them again, so a transform (a wall-clock time to an instant) runs there once.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { get, useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { placeFieldErrors, type ActionResult, type DetailFormatter, useFeedback } from "./feedback";
import type { useFormatter } from "next-intl";

/** What an action answers: its data on success, else the refusal (next-safe-action's result shape). */
export type ActionAnswer<D> = { data?: D; serverError?: NonNullable<ActionResult>["serverError"]; validationErrors?: unknown } | undefined;

export interface ActionFormOptions<I extends FieldValues, O, D> {
  /** The message namespace whose `errors.*` keys hold the words (e.g. "applications"). */
  namespace: string;
  /** The form's zod schema (the one the action parses); checked before anything is sent. */
  schema: z.ZodType<O, I>;
  defaultValues: DefaultValues<I>;
  /** The server action (or anything answering in its shape, e.g. an upload's API answer). */
  action: (input: I) => Promise<ActionAnswer<D>>;
  /** After a success: what else to do (navigate, keep the result) and the sentence to show, if any. */
  onSuccess?: (data: D, input: I) => string | null | void;
  /** After a success: empty the form again (back to defaultValues). */
  resetOnSuccess?: boolean;
  /** After a success: re-read the page's data (router.refresh). */
  refreshOnSuccess?: boolean;
  /**
   * The fields the form shows (default: those of defaultValues). A server error on another field (a
   * hidden id) is said in the form's sentence instead of "correct the fields shown".
   */
  fields?: readonly string[];
  /** A value sent with a refusal (a deadline, a day) in the reader's words. */
  formatDetail?: (format: ReturnType<typeof useFormatter>) => DetailFormatter;
}

export interface ActionForm<I extends FieldValues, O, D> extends UseFormReturn<I, unknown, O> {
  /** The form's onSubmit: check with the schema, then send. */
  submit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  /**
   * Send now (after a confirmation), the current values with `patch` over them; the data, or
   * undefined on a refusal. `via`: another action taking the same input (a preview's commit), whose
   * success onSuccess does not see.
   */
  send: <V = D>(patch?: Partial<I>, via?: (input: I) => Promise<ActionAnswer<V>>) => Promise<V | undefined>;
  /** True while the action runs. */
  busy: boolean;
  /** The form's sentence: what went wrong, or what was done. */
  message: { error: string | null; success: string | null };
  setMessage: (message: { error?: string | null; success?: string | null }) => void;
  /** A field's error in words (the first one, from the schema or the server), or undefined. */
  fieldError: (name: Path<I> | (string & {})) => string | undefined;
  /** The namespace's translator and a catalogue key (errors.*) in words. */
  t: ReturnType<typeof useFeedback>["t"];
  say: ReturnType<typeof useFeedback>["say"];
  /** Another action's refusal (a row's button beside the form) in the same words. */
  serverError: ReturnType<typeof useFeedback>["serverError"];
}

export function useActionForm<I extends FieldValues, O, D>(options: ActionFormOptions<I, O, D>): ActionForm<I, O, D> {
  const { t, say, serverError } = useFeedback(options.namespace, options.formatDetail);
  const form = useForm<I, unknown, O>({ resolver: zodResolver(options.schema as never) as never, defaultValues: options.defaultValues });
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessageState] = useState<{ error: string | null; success: string | null }>({ error: null, success: null });
  const setMessage = (m: { error?: string | null; success?: string | null }) => setMessageState({ error: m.error ?? null, success: m.success ?? null });
  const shown = options.fields ?? Object.keys(options.defaultValues ?? {});

  async function send<V = D>(patch: Partial<I> = {}, via?: (input: I) => Promise<ActionAnswer<V>>): Promise<V | undefined> {
    setMessage({});
    setBusy(true);
    try {
      const input = { ...form.getValues(), ...patch } as I;
      let result: ActionAnswer<V>;
      try {
        result = await (via ?? (options.action as unknown as (input: I) => Promise<ActionAnswer<V>>))(input);
      } catch {
        result = { serverError: { code: "generic" } };
      }
      if (result && result.data !== undefined) {
        if (!via && options.resetOnSuccess) form.reset(options.defaultValues);
        setMessage({ success: (via ? null : options.onSuccess?.(result.data as unknown as D, input)) ?? null });
        if (!via && options.refreshOnSuccess) router.refresh();
        return result.data;
      }
      const { onFields, elsewhere, formKey } = placeFieldErrors(result, shown);
      onFields.forEach(([field, key], i) => form.setError(field as Path<I>, { type: "server", message: key }, { shouldFocus: i === 0 }));
      setMessage({ error: onFields.length ? say("validation") : elsewhere ? say(elsewhere) : formKey ? say(formKey) : serverError(result?.serverError) });
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  return {
    ...form,
    submit: form.handleSubmit(async () => {
      await send();
    }),
    send,
    busy: busy || form.formState.isSubmitting,
    message,
    setMessage,
    fieldError: (name) => {
      const key = (get(form.formState.errors, name) as { message?: string } | undefined)?.message;
      return key ? say(key) : undefined;
    },
    t,
    say,
    serverError,
  };
}
