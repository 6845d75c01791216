package cl.seguimientooc.mailout;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/** The ladder run's split collects what became of each e-mail into one list (body of the result). */
public final class SendResults implements AggregationStrategy {

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        // A failure the send route handled (and recorded) must not stop the run after the split.
        newExchange.getExchangeExtension().setErrorHandlerHandled(null);
        Object body = newExchange.getMessage().getBody();
        if (oldExchange == null) {
            List<Object> list = new ArrayList<>();
            if (body instanceof LadderOutbox.Sent) {
                list.add(body);
            }
            newExchange.getMessage().setBody(list);
            return newExchange;
        }
        if (body instanceof LadderOutbox.Sent) {
            oldExchange.getMessage().getBody(List.class).add(body);
        }
        return oldExchange;
    }
}
