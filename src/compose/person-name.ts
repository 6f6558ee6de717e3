/** A person's name as letters and emails write it: given names then family name; a single name alone. */
export function fullName(person: { readonly givenNames: string; readonly familyName: string }): string {
  return person.givenNames.trim() === '' ? person.familyName : `${person.givenNames} ${person.familyName}`;
}
