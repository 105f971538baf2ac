// The only two values the helper reads on Aplikacja Podatnika (issue 13, Security): the chosen certificate purpose
// and the "Certyfikat ważny od" date, to warn before a certificate that cannot log in. Password and file fields
// are refused here, whatever a label pointed at.

function refused(el: Element): boolean {
  return el instanceof HTMLInputElement && (el.type === 'password' || el.type === 'file');
}

/** The visible text of the chosen purpose: a <select>'s option, a radio group's checked label, a combobox's text. */
export function readChoiceText(control: Element | null): string | undefined {
  if (!control || refused(control)) return undefined;
  if (control instanceof HTMLSelectElement) return control.selectedOptions[0]?.textContent ?? undefined;
  const group = control instanceof HTMLInputElement && control.type === 'radio' && control.name
    ? control.ownerDocument.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${CSS.escape(control.name)}"]`)
    : control.querySelectorAll<HTMLInputElement>('input[type=radio]');
  const checked = [...group].find((radio) => radio.checked);
  if (checked) return (checked.labels?.[0]?.textContent ?? checked.closest('label')?.textContent) ?? undefined;
  if (control.getAttribute('role') === 'combobox') return control.textContent ?? undefined;
  return undefined;
}

/** The date a date field holds, as typed or picked. */
export function readDateValue(control: Element | null): string | undefined {
  if (!control || refused(control)) return undefined;
  return control instanceof HTMLInputElement ? control.value : undefined;
}
