// `stream` on top of `readSnapshot`: a query's batches as rows one at a time.

export async function* rowsOf<Row>(batches: AsyncIterable<Row[]>): AsyncGenerator<Row> {
  for await (const batch of batches) yield* batch
}
