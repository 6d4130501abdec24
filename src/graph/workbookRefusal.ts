// Why the product will not write into a workbook (a table narrower than the lines, cells in the
// way, a settings cell changed since it was read): said in French and in English, for the user.

export class WorkbookRefusal extends Error {
  constructor(
    readonly french: string,
    readonly english: string,
  ) {
    super(`${french} / ${english}`);
    this.name = "WorkbookRefusal";
  }
}
