import type { ComponentProps } from 'react';

export type SelectOption = { value: string; label: string };

type Props = Omit<ComponentProps<'select'>, 'children'> & {
  /** Shown above the select and its accessible name (a wrapping label would add the chosen option's text to it). */
  label: string;
  options: readonly SelectOption[];
  error?: string;
};

/** A labelled select with its error below, the markup every form and filter row shares. */
export function SelectField({ label, options, error, ...select }: Props) {
  return (
    <label className="field">
      <span>{label}</span>
      <select aria-label={label} aria-invalid={error ? true : undefined} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}

/** Departments as options, by id and name. */
export const departmentOptions = (departments: ReadonlyArray<{ id: string; name: string }>): SelectOption[] => departments.map((d) => ({ value: d.id, label: d.name }));
