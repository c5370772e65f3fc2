// Placeholder: replaced by the test-database bootstrap.
export default function setup() {}
