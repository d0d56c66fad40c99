/** A view of the store: its name and its query, kept in its own file and recreated on open. */
export interface View {
  name: string;
  /** the SELECT the view stands for */
  sql: string;
}
