export function OrganisationPage() {
  return <h1>Organisation</h1>;
}
